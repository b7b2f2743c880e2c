using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class StaffTimeOffConfiguration : IEntityTypeConfiguration<StaffTimeOff>
{
    public void Configure(EntityTypeBuilder<StaffTimeOff> timeOff)
    {
        timeOff.HasIndex(t => new { t.UserId, t.FromUtc });
        timeOff.Property(t => t.Reason).HasMaxLength(200);
    }
}
