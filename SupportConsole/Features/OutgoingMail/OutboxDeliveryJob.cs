using Hangfire;

namespace SupportConsole.Features.OutgoingMail;

/// <summary>Delivers a batch of committed outbox messages; a failure throws so Hangfire retries, and a retry skips the sent ones.</summary>
public sealed class OutboxDeliveryJob(OutboxDelivery delivery)
{
    [AutomaticRetry(Attempts = 10)]
    public Task RunAsync(long[] outboxIds, CancellationToken cancellationToken) => delivery.DeliverBatchAsync(outboxIds, cancellationToken);
}
