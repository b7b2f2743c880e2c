using SupportConsole.Data;

namespace SupportConsole.Features.Sla;

/// <summary>The Hangfire job at a case's at-risk or due instant. Takes ids only; safe to run twice.</summary>
public sealed class SlaThresholdJob(DeadlineTracker tracker)
{
    [Hangfire.AutomaticRetry(Attempts = 5)]
    public Task<ThresholdOutcome> RunAsync(long caseId, SlaEventKind kind, DateTime thresholdAtUtc) =>
        tracker.RunThresholdAsync(caseId, kind, thresholdAtUtc);
}
