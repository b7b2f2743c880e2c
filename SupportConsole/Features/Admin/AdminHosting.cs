namespace SupportConsole.Features.Admin;

public static class AdminHosting
{
    /// <summary>The users page's directory of agents, and the demo data for Development.</summary>
    public static void AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoData>();
        builder.Services.AddSingleton<AgentDirectory>();
    }
}
