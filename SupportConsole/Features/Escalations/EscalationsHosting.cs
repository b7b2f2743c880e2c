namespace SupportConsole.Features.Escalations;

public static class EscalationsHosting
{
    /// <summary>Tier 2-3's list of escalated cases.</summary>
    public static void AddEscalations(this WebApplicationBuilder builder) => builder.Services.AddSingleton<EscalationBoard>();
}
