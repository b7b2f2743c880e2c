using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Data.Configurations;

internal sealed class SupportCaseConfiguration : IEntityTypeConfiguration<SupportCase>
{
    public void Configure(EntityTypeBuilder<SupportCase> supportCase)
    {
        supportCase.ToTable("Cases");
        supportCase.Ignore(c => c.FirstRespondedAt);
        supportCase.Ignore(c => c.IsOpen);
        supportCase.Ignore(c => c.ReceivedAt);
        supportCase.Property(c => c.Version).IsConcurrencyToken();
        supportCase.HasIndex(c => c.Number).IsUnique();
        supportCase.HasIndex(c => c.ArrivalSequence).IsUnique();
        supportCase.HasIndex(c => new { c.Status, c.Queue, c.ArrivalSequence });
        supportCase.HasIndex(c => c.IdempotencyKey).IsUnique();
        // The SLA report: a range of Central due dates read from the index alone (outcome and response time included).
        supportCase.HasIndex(c => new { c.FirstResponseDueLocalDate, c.FirstResponseDueAtUtc, c.FirstRespondedAtUtc, c.FirstResponseBusinessSeconds })
            .HasDatabaseName("IX_Cases_SlaReport");
        // The dashboard: the open, unanswered cases by due (needs attention), what falls due soon, and the backlog trend
        // from arrivals and closings per day.
        supportCase.HasIndex(c => new { c.Status, c.FirstRespondedAtUtc, c.FirstResponseDueAtUtc }).HasDatabaseName("IX_Cases_OpenWork");
        supportCase.HasIndex(c => c.FirstResponseDueAtUtc);
        supportCase.HasIndex(c => c.ReceivedAtUtc);
        supportCase.HasIndex(c => c.ClosedAtUtc);
        supportCase.HasIndex(c => c.MessageId).IsUnique();
        // The /cases views: an agent's own open cases, and those the customer wrote into.
        supportCase.HasIndex(c => new { c.AssigneeId, c.Status, c.CustomerRepliedAtUtc });
        supportCase.Property(c => c.Subject).HasMaxLength(1000).IsRequired();
        supportCase.Property(c => c.FromAddress).HasMaxLength(254);
        supportCase.Property(c => c.FromName).HasMaxLength(200);
        supportCase.Property(c => c.RoutingReason).HasMaxLength(300);
        supportCase.Property(c => c.IdempotencyKey).HasMaxLength(200);
        supportCase.Property(c => c.MessageId).HasMaxLength(998);
        supportCase.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.SetNull);
        supportCase.HasMany(c => c.Thread).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
