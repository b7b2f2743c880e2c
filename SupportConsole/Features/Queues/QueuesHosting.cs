using SupportConsole.Features.Cases;

namespace SupportConsole.Features.Queues;

public static class QueuesHosting
{
    /// <summary>The live queues, take-next, the case page's services and the attachment download.</summary>
    public static void AddQueues(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QueueBoard>();
        builder.Services.AddSingleton<DeskSettings>();
        builder.Services.AddSingleton<TakeNext>();
        builder.Services.AddSingleton<CaseReader>();
        builder.Services.AddSingleton<Escalations.EscalationBoard>();
    }
}
