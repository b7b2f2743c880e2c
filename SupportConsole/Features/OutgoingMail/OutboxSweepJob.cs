namespace SupportConsole.Features.OutgoingMail;

/// <summary>Every minute: delivers any unsent outbox message the pump did not hand over (after a crash, say).</summary>
public sealed class OutboxSweepJob(OutboxDelivery delivery)
{
    public const string Id = "outbox-sweep";

    [Hangfire.DisableConcurrentExecution(300)]
    public Task RunAsync(CancellationToken cancellationToken) => delivery.SweepAsync(cancellationToken);
}
