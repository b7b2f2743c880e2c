namespace SupportConsole.Features.Sla;

/// <summary>Tuning for deadline tracking (<c>Sla:Tracking:*</c>).</summary>
public sealed class DeadlineTrackingOptions
{
    /// <summary>
    /// Jobs are scheduled only for instants within this horizon, at intake and by each recurring pass (every 5 minutes), so
    /// intake never pays for jobs days ahead; a pass picks each one up at least 25 minutes before its instant.
    /// </summary>
    public TimeSpan ScheduleHorizon { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Hangfire cron of the recurring reconciliation.</summary>
    public string ReconciliationCron { get; set; } = "*/5 * * * *";

    public static DeadlineTrackingOptions From(IConfiguration configuration) => new()
    {
        ScheduleHorizon = TimeSpan.FromMinutes(configuration.GetValue("Sla:Tracking:HorizonMinutes", 30.0)),
        ReconciliationCron = configuration.GetValue("Sla:Tracking:ReconciliationCron", "*/5 * * * *")!,
    };
}
