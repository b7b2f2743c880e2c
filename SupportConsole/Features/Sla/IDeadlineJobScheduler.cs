using SupportConsole.Data;

namespace SupportConsole.Features.Sla;

/// <summary>Hangfire's client behind an interface this feature owns, so tests can run "due" jobs by hand.</summary>
public interface IDeadlineJobScheduler
{
    /// <summary>Schedules <see cref="SlaThresholdJob.RunAsync"/> for the case at <paramref name="runAt"/>; returns the job id.</summary>
    string Schedule(long caseId, SlaEventKind kind, DateTime thresholdAtUtc, DateTimeOffset runAt);

    void Cancel(string jobId);

    /// <summary>Threshold jobs still waiting that run at or before <paramref name="until"/>, earliest first.</summary>
    IReadOnlyList<PendingThresholdJob> Pending(DateTimeOffset until);
}
