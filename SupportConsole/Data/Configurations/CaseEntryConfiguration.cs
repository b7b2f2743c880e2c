using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Data.Configurations;

internal sealed class CaseEntryConfiguration : IEntityTypeConfiguration<CaseEntry>
{
    public void Configure(EntityTypeBuilder<CaseEntry> entry)
    {
        entry.HasIndex(e => new { e.CaseId, e.Id });
        entry.HasIndex(e => e.MessageId);
        entry.Property(e => e.Author).HasMaxLength(254);
        entry.Property(e => e.MessageId).HasMaxLength(998);
        entry.Property(e => e.Event).HasMaxLength(40);
    }
}
