using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Data.Configurations;

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> attachment)
    {
        attachment.HasIndex(a => a.CaseEntryId);
        attachment.HasOne<CaseEntry>().WithMany().HasForeignKey(a => a.CaseEntryId).OnDelete(DeleteBehavior.Cascade);
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(255);
    }
}
