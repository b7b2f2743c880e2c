using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Data.Configurations;

internal sealed class SlaEventConfiguration : IEntityTypeConfiguration<SlaEvent>
{
    public void Configure(EntityTypeBuilder<SlaEvent> slaEvent)
    {
        slaEvent.HasIndex(e => new { e.CaseId, e.Kind, e.ThresholdAtUtc }).IsUnique();
        slaEvent.HasOne<SupportCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
