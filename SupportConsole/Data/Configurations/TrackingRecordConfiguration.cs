using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Data.Configurations;

internal sealed class SlaEventConfiguration : IEntityTypeConfiguration<SlaEvent>
{
    public void Configure(EntityTypeBuilder<SlaEvent> slaEvent)
    {
        slaEvent.HasIndex(e => new { e.CaseId, e.Kind, e.ThresholdAtUtc }).IsUnique();
        slaEvent.HasOne<SupportCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class PlanTermEventConfiguration : IEntityTypeConfiguration<PlanTermEvent>
{
    public void Configure(EntityTypeBuilder<PlanTermEvent> termEvent)
    {
        termEvent.HasIndex(e => new { e.CustomerId, e.Kind, e.TermStart, e.TermEnd }).IsUnique();
        termEvent.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobRunRecordConfiguration : IEntityTypeConfiguration<JobRunRecord>
{
    public void Configure(EntityTypeBuilder<JobRunRecord> run)
    {
        run.HasKey(r => r.Name);
        run.Property(r => r.Name).HasMaxLength(100);
    }
}

internal sealed class DeskSettingConfiguration : IEntityTypeConfiguration<DeskSetting>
{
    public void Configure(EntityTypeBuilder<DeskSetting> setting)
    {
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(100);
    }
}
