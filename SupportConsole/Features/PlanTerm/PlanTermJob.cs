namespace SupportConsole.Features.PlanTerm;

/// <summary>Daily at 06:00 Central: welcomes, renewal reminders and the end of terms (each milestone once).</summary>
public sealed class PlanTermJob(PlanTermTracker tracker)
{
    public const string Id = "plan-term-daily";

    [Hangfire.DisableConcurrentExecution(600)]
    public Task RunAsync() => tracker.RunAsync();
}
