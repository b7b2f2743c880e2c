using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Features.Sla;

public sealed class JobsOverview(JobStorage storage, IDeadlineJobScheduler scheduler, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock)
{
    public async Task<JobsSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        var monitoring = storage.GetMonitoringApi();
        var next = scheduler.Pending(clock.GetUtcNow().AddDays(14)).Take(25).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = next.Select(p => p.CaseId).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var rows = next.Select(p => new DeadlineJobRow(p.JobId, numbers.TryGetValue(p.CaseId, out var n) ? CaseNumber.Format(n) : $"#{p.CaseId}", p.Kind, p.RunAt)).ToList();
        var last = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Name == DeadlineTracker.ReconciliationRunName, cancellationToken);

        using var connection = storage.GetConnection();
        var recurring = connection.GetRecurringJobs().Select(r => new RecurringJobRow(
            r.Id, r.Cron, r.NextExecution.AsInstant(), r.LastExecution.AsInstant(), r.LastJobState)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var stats = monitoring.GetStatistics();
        var failed = monitoring.FailedJobs(0, 20).Select(f => new FailedJobRow(
            f.Key, f.Value.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : "(unknown)", f.Value.FailedAt.AsInstant(), f.Value.ExceptionMessage)).ToList();
        return new JobsSnapshot(rows, stats.Scheduled, last, recurring, stats.Failed, failed);
    }
}
