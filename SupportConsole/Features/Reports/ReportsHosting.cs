namespace SupportConsole.Features.Reports;

public static class ReportsHosting
{
    /// <summary>The SLA report: its service, the start-up backfill of its stored columns, and its endpoints.</summary>
    public static void AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SlaReports>();
        builder.Services.AddSingleton<SlaReportBackfill>();
    }

    public static void MapReports(this WebApplication app) => app.MapReportEndpoints();
}
