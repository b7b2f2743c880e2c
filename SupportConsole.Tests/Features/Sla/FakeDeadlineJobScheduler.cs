using SupportConsole.Data;
using SupportConsole.Features.Sla;

namespace SupportConsole.Tests.Features.Sla;

/// <summary>Records scheduled threshold jobs; a test "runs" the ones due on its fake clock.</summary>
public sealed class FakeDeadlineJobScheduler : IDeadlineJobScheduler
{
    private readonly Lock gate = new();
    private readonly List<FakeJob> jobs = [];
    private int nextId;

    public sealed record FakeJob(string Id, long CaseId, SlaEventKind Kind, DateTime ThresholdAtUtc, DateTimeOffset RunAt)
    {
        public bool Cancelled { get; set; }
        public bool Ran { get; set; }
    }

    public IReadOnlyList<FakeJob> All
    {
        get
        {
            lock (gate)
            {
                return jobs.ToList();
            }
        }
    }

    /// <summary>Jobs neither run nor cancelled.</summary>
    public IReadOnlyList<FakeJob> Waiting => All.Where(j => !j.Cancelled && !j.Ran).ToList();

    public string Schedule(long caseId, SlaEventKind kind, DateTime thresholdAtUtc, DateTimeOffset runAt)
    {
        lock (gate)
        {
            var job = new FakeJob((++nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), caseId, kind, thresholdAtUtc, runAt);
            jobs.Add(job);
            return job.Id;
        }
    }

    public void Cancel(string jobId)
    {
        lock (gate)
        {
            foreach (var job in jobs.Where(j => j.Id == jobId))
            {
                job.Cancelled = true;
            }
        }
    }

    public IReadOnlyList<PendingThresholdJob> Pending(DateTimeOffset until) =>
        Waiting.Where(j => j.RunAt <= until).OrderBy(j => j.RunAt)
            .Select(j => new PendingThresholdJob(j.Id, j.CaseId, j.Kind, j.ThresholdAtUtc, j.RunAt)).ToList();

    /// <summary>Storage lost every job.</summary>
    public void LoseAll()
    {
        lock (gate)
        {
            jobs.Clear();
        }
    }

    /// <summary>Runs, as Hangfire would, every waiting job whose time has come on the given clock.</summary>
    public async Task<IReadOnlyList<(FakeJob Job, ThresholdOutcome Outcome)>> RunDueAsync(SlaThresholdJob runner, DateTimeOffset now)
    {
        var results = new List<(FakeJob, ThresholdOutcome)>();
        foreach (var job in Waiting.Where(j => j.RunAt <= now).OrderBy(j => j.RunAt))
        {
            job.Ran = true;
            results.Add((job, await runner.RunAsync(job.CaseId, job.Kind, job.ThresholdAtUtc)));
        }
        return results;
    }
}
