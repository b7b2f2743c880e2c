using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Data.Configurations;

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> escalation)
    {
        escalation.HasOne<SupportCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        escalation.HasIndex(e => new { e.CaseId, e.EndedAtUtc });
        escalation.HasIndex(e => new { e.AssigneeId, e.EndedAtUtc });
        escalation.HasIndex(e => new { e.Tier, e.EndedAtUtc, e.AssigneeId });
        escalation.Property(e => e.Reason).HasMaxLength(4000);
        escalation.Property(e => e.EscalatedByName).HasMaxLength(200);
        escalation.Property(e => e.AssignedBecause).HasMaxLength(500);
        escalation.Property(e => e.Version).IsConcurrencyToken();
        escalation.Ignore(e => e.IsOpen);
    }
}
