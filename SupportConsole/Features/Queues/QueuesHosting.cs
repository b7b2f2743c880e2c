using SupportConsole.Features.Cases;

namespace SupportConsole.Features.Queues;

public static class QueuesHosting
{
    /// <summary>The live queues, take-next, the case page's services and the attachment download.</summary>
    public static void AddQueues(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QueueBoard>();
        builder.Services.AddHostedService<QueueBoardWarmUp>();
        builder.Services.AddSingleton<DeskSettings>();
        builder.Services.AddSingleton<TakeNext>();
        builder.Services.AddSingleton<CaseReader>();
        builder.Services.AddSingleton<Escalations.EscalationBoard>();
    }
}

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
