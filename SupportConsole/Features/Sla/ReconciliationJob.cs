namespace SupportConsole.Features.Sla;

/// <summary>Every five minutes (<c>Sla:Tracking:ReconciliationCron</c>): schedules the deadline jobs coming due and records any crossing that was missed.</summary>
public sealed class ReconciliationJob(DeadlineTracker tracker)
{
    public const string Id = "sla-reconciliation";

    [Hangfire.DisableConcurrentExecution(600)]
    public Task RunAsync() => tracker.ReconcileAsync();
}
