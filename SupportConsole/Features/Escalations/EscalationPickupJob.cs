namespace SupportConsole.Features.Escalations;

/// <summary>At an escalation's pickup at-risk or due instant: records the crossing if nobody picked it up. Safe to run twice.</summary>
public sealed class EscalationPickupJob(EscalationClock escalations)
{
    [Hangfire.AutomaticRetry(Attempts = 5)]
    public Task RunAsync(long escalationId) => escalations.RecordDueAsync(escalationId);
}
