using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class HolidaySeedYearConfiguration : IEntityTypeConfiguration<HolidaySeedYear>
{
    public void Configure(EntityTypeBuilder<HolidaySeedYear> year)
    {
        year.HasKey(y => y.Year);
        year.Property(y => y.Year).ValueGeneratedNever();
    }
}
