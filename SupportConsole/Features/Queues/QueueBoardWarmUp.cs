namespace SupportConsole.Features.Queues;

/// <summary>Loads the queues once the app has started, so the first agent to open them does not wait for the read.</summary>
internal sealed class QueueBoardWarmUp(QueueBoard board, IHostApplicationLifetime lifetime, ILogger<QueueBoardWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                var snapshot = await board.SnapshotAsync(lifetime.ApplicationStopping);
                logger.LogInformation("Loaded the queues: {Priority} priority and {Standard} standard open cases", snapshot.Priority.Count, snapshot.Standard.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The first page loads them instead.
                logger.LogWarning(e, "Could not preload the queues");
            }
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
