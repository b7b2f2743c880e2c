using Hangfire;
using Hangfire.Storage;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Features.Sla;

/// <summary>The real scheduler: Hangfire's scheduled-job set, read back through its monitoring API.</summary>
public sealed class HangfireDeadlineJobScheduler(IBackgroundJobClient jobs, JobStorage storage) : IDeadlineJobScheduler
{
    private const int Page = 500;

    public string Schedule(long caseId, SlaEventKind kind, DateTime thresholdAtUtc, DateTimeOffset runAt) =>
        jobs.Schedule<SlaThresholdJob>(j => j.RunAsync(caseId, kind, thresholdAtUtc), runAt);

    public void Cancel(string jobId) => jobs.Delete(jobId);

    public IReadOnlyList<PendingThresholdJob> Pending(DateTimeOffset until)
    {
        var result = new List<PendingThresholdJob>();
        using var connection = storage.GetConnection();
        if (connection is JobStorageConnection batched)
        {
            try
            {
                // The "schedule" set is scored by run time: read only the jobs due up to the horizon, earliest first.
                var ids = batched.GetFirstByLowestScoreFromSet("schedule", 0, until.ToUnixTimeSeconds(), int.MaxValue);
                foreach (var id in ids)
                {
                    var data = connection.GetJobData(id);
                    if (data is { State: "Scheduled" } && Read(id, data.Job, ScheduledAt(connection, id)) is { } pending)
                    {
                        result.Add(pending);
                    }
                }
                return result.OrderBy(p => p.RunAt).ToList();
            }
            catch (NotSupportedException)
            {
                result.Clear();
            }
        }

        // Fallback: every scheduled job through the monitoring API (its order is the storage's, so sort here).
        var monitoring = storage.GetMonitoringApi();
        for (var from = 0; ; from += Page)
        {
            var page = monitoring.ScheduledJobs(from, Page);
            foreach (var (id, job) in page)
            {
                var runAt = job.EnqueueAt.AsInstant();
                if (runAt <= until && Read(id, job.Job, runAt) is { } pending)
                {
                    result.Add(pending);
                }
            }
            if (page.Count < Page)
            {
                return result.OrderBy(p => p.RunAt).ToList();
            }
        }
    }

    private static DateTimeOffset ScheduledAt(IStorageConnection connection, string id) =>
        connection.GetStateData(id) is { } state && state.Data.TryGetValue("EnqueueAt", out var enqueueAt)
            && Hangfire.Common.JobHelper.DeserializeNullableDateTime(enqueueAt) is { } at
            ? at.AsInstant()
            : DateTimeOffset.MinValue;

    internal static PendingThresholdJob? Read(string id, Hangfire.Common.Job? job, DateTimeOffset runAt) =>
        job is { Type.Name: nameof(SlaThresholdJob), Args: [long caseId, SlaEventKind kind, DateTime threshold] }
            ? new PendingThresholdJob(id, caseId, kind, threshold.AsInstant().UtcDateTime, runAt)
            : null;
}
