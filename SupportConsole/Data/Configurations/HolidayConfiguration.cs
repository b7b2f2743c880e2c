using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<StoredHoliday>
{
    public void Configure(EntityTypeBuilder<StoredHoliday> holiday)
    {
        holiday.ToTable("Holidays");
        holiday.HasKey(h => h.Date);
        holiday.Property(h => h.Name).HasMaxLength(100).IsRequired();
    }
}
