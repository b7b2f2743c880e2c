namespace SupportConsole.Features.Dashboard;

public static class DashboardHosting
{
    /// <summary>The managers' SLA dashboard.</summary>
    public static void AddDashboard(this WebApplicationBuilder builder) => builder.Services.AddSingleton<SlaDashboard>();
}
