using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class QuarantinedMessageConfiguration : IEntityTypeConfiguration<QuarantinedMessage>
{
    public void Configure(EntityTypeBuilder<QuarantinedMessage> message)
    {
        message.HasIndex(m => m.ReceivedAtUtc);
        message.Property(m => m.Reason).HasMaxLength(500);
        message.Property(m => m.Envelope).HasMaxLength(2000);
    }
}
