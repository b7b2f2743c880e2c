using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

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
        message.Property(m => m.CalendarMethod).HasMaxLength(20);
    }
}
