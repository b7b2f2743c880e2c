using Hangfire;

namespace SupportConsole.Features.OutgoingMail;

/// <summary>
/// Collects committed outbox ids and hands them to Hangfire in batches (one job per quarter second at most), so a
/// burst of intake pays for one job, not one per acknowledgment.
/// </summary>
public sealed class OutboxPump(IBackgroundJobClient jobs, ILogger<OutboxPump> logger) : BackgroundService
{
    private readonly System.Threading.Channels.Channel<long> pending = System.Threading.Channels.Channel.CreateUnbounded<long>();

    public static TimeSpan BatchWindow { get; } = TimeSpan.FromMilliseconds(250);

    public void Add(long outboxId) => pending.Writer.TryWrite(outboxId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<long>();
        while (await pending.Reader.WaitToReadAsync(stoppingToken))
        {
            // Let a burst gather, then take everything that arrived.
            await Task.Delay(BatchWindow, stoppingToken);
            while (batch.Count < 500 && pending.Reader.TryRead(out var id))
            {
                batch.Add(id);
            }
            try
            {
                var ids = batch.ToArray();
                jobs.Enqueue<OutboxDeliveryJob>(j => j.RunAsync(ids, CancellationToken.None));
            }
            catch (Exception e)
            {
                // The messages are safe in the table: the minutely sweep delivers them.
                logger.LogWarning(e, "Could not hand {Count} outbox messages to Hangfire; the sweep will deliver them", batch.Count);
            }
            batch.Clear();
        }
    }
}
