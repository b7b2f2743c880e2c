using SupportConsole.Data;

namespace SupportConsole.Features.Sla;

/// <summary>What the jobs overview shows: next deadline jobs, the last reconciliation, recurring and failed jobs.</summary>
public sealed record JobsSnapshot(
    IReadOnlyList<DeadlineJobRow> NextDeadlineJobs,
    long ScheduledCount,
    JobRunRecord? LastReconciliation,
    IReadOnlyList<RecurringJobRow> Recurring,
    long FailedCount,
    IReadOnlyList<FailedJobRow> Failed);
