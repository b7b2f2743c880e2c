using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.HasIndex(n => new { n.RecipientUserId, n.ReadAtUtc, n.CreatedAtUtc });
        notification.HasIndex(n => n.EmailPending);
        notification.Property(n => n.Kind).HasMaxLength(50);
        notification.Property(n => n.Title).HasMaxLength(300);
        notification.Property(n => n.Link).HasMaxLength(300);
    }
}
