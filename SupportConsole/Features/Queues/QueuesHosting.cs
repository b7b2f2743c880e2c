namespace SupportConsole.Features.Queues;

public static class QueuesHosting
{
    /// <summary>The live queues, take-next and its desk setting, and the API's view of a queue.</summary>
    public static void AddQueues(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QueueBoard>();
        builder.Services.AddHostedService<QueueBoardWarmUp>();
        builder.Services.AddSingleton<DeskSettings>();
        builder.Services.AddSingleton<TakeNext>();
    }

    public static void MapQueues(this WebApplication app) => app.MapQueueEndpoints();
}
