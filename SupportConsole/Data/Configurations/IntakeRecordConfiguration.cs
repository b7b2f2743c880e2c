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

internal sealed class QuarantinedMessageConfiguration : IEntityTypeConfiguration<QuarantinedMessage>
{
    public void Configure(EntityTypeBuilder<QuarantinedMessage> message)
    {
        message.HasIndex(m => m.ReceivedAtUtc);
        message.Property(m => m.Reason).HasMaxLength(500);
        message.Property(m => m.Envelope).HasMaxLength(2000);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("Outbox");
        message.HasIndex(m => m.SentAtUtc);
        message.HasIndex(m => new { m.To, m.Kind, m.CreatedAtUtc });
        message.HasIndex(m => m.MessageId).IsUnique();
        message.Property(m => m.To).HasMaxLength(254);
        message.Property(m => m.MessageId).HasMaxLength(998);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditTrail");
        entry.HasIndex(e => new { e.CustomerId, e.AtUtc });
    }
}

internal sealed class ListChangeRequestConfiguration : IEntityTypeConfiguration<ListChangeRequest>
{
    public void Configure(EntityTypeBuilder<ListChangeRequest> request)
    {
        request.HasIndex(r => r.CaseId).IsUnique();
        request.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
