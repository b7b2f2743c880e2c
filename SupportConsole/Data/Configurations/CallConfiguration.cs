using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> call)
    {
        call.HasIndex(c => c.Uid).IsUnique();
        call.HasIndex(c => new { c.EngineerId, c.Status, c.StartUtc });
        call.HasIndex(c => c.CaseId);
        call.Property(c => c.Uid).HasMaxLength(100);
        call.Property(c => c.AttendeeEmail).HasMaxLength(254);
        call.Property(c => c.AttendeeName).HasMaxLength(200);
        call.Property(c => c.Topic).HasMaxLength(1000);
        call.Property(c => c.Outcome).HasMaxLength(4000);
        call.Property(c => c.Version).IsConcurrencyToken();
    }
}
