using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Data.Configurations;

internal sealed class OriginationListEntryConfiguration : IEntityTypeConfiguration<OriginationListEntry>
{
    public void Configure(EntityTypeBuilder<OriginationListEntry> entry)
    {
        entry.Property(e => e.Value).HasMaxLength(254).IsRequired();
        // One address or domain belongs to at most one customer's list.
        entry.HasIndex(e => e.Value).IsUnique();
    }
}
