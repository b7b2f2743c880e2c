namespace SupportConsole.Features.Escalations;

/// <summary>Every minute: pickup crossings a scheduled job missed, and waiting escalations someone now has room for.</summary>
public sealed class EscalationDeskJob(EscalationClock escalations)
{
    public const string Id = "escalation-desk";

    [Hangfire.DisableConcurrentExecution(300)]
    public async Task RunAsync()
    {
        await escalations.RecordDueAsync();
        await escalations.AssignWaitingAsync();
    }
}
