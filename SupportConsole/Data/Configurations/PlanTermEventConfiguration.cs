using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Data.Configurations;

internal sealed class PlanTermEventConfiguration : IEntityTypeConfiguration<PlanTermEvent>
{
    public void Configure(EntityTypeBuilder<PlanTermEvent> termEvent)
    {
        termEvent.HasIndex(e => new { e.CustomerId, e.Kind, e.TermStart, e.TermEnd }).IsUnique();
        termEvent.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
