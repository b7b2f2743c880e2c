namespace SupportConsole.Features.Sla;

public static class SlaHosting
{
    /// <summary>Deadline tracking: a Hangfire job at each case's at-risk and due instant, the reconciliation, and the jobs page.</summary>
    public static void AddSla(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(DeadlineTrackingOptions.From(builder.Configuration));
        builder.Services.AddSingleton<IDeadlineJobScheduler, HangfireDeadlineJobScheduler>();
        builder.Services.AddSingleton<DeadlineTracker>();
        builder.Services.AddSingleton<DeadlineTrackingSubscriptions>();
        builder.Services.AddTransient<SlaThresholdJob>();
        builder.Services.AddTransient<ReconciliationJob>();
        builder.Services.AddSingleton<JobsOverview>();
    }
}
