namespace SupportConsole.Features.Escalations;

public static class EscalationsHosting
{
    /// <summary>Tier 2-3's workspace, the pickup clock and its jobs, and the escalation API.</summary>
    public static void AddEscalations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EscalationBoard>();
        builder.Services.AddSingleton<EscalationClock>();
        builder.Services.AddSingleton<EscalationSubscriptions>();
        builder.Services.AddTransient<EscalationPickupJob>();
        builder.Services.AddTransient<EscalationDeskJob>();
    }

    public static void MapEscalations(this WebApplication app) => app.MapEscalationEndpoints();
}
