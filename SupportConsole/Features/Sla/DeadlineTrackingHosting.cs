using Hangfire;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.PlanTerm;

namespace SupportConsole.Features.Sla;

public static class DeadlineTrackingHosting
{
    public static void AddDeadlineTracking(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(DeadlineTrackingOptions.From(builder.Configuration));
        builder.Services.AddSingleton<IDeadlineJobScheduler, HangfireDeadlineJobScheduler>();
        builder.Services.AddSingleton<DeadlineTracker>();
        builder.Services.AddSingleton<DeadlineTrackingSubscriptions>();
        builder.Services.AddTransient<SlaThresholdJob>();
        builder.Services.AddTransient<ReconciliationJob>();
        builder.Services.AddSingleton<JobsOverview>();
    }

    /// <summary>
    /// Start-up: the recurring jobs (reconciliation, manager breach digest, daily plan term), the subscriptions
    /// (new cases, holiday changes), and one reconciliation pass, so nothing missed while the app was down stays missed.
    /// </summary>
    public static async Task StartDeadlineTrackingAsync(this IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        var options = services.GetRequiredService<DeadlineTrackingOptions>();
        jobs.AddOrUpdate<ReconciliationJob>(ReconciliationJob.JobId, j => j.RunAsync(), options.ReconciliationCron);
        var configuration = services.GetRequiredService<IConfiguration>();
        jobs.ScheduleBreachDigest(configuration["Notifications:DigestCron"]);
        jobs.SchedulePlanTerm(configuration["PlanTerm:Cron"]);
        if (configuration.GetValue("PlanTerm:RunAtStartup", true))
        {
            // Catch up on a day the app was down (each milestone is recorded once, so a repeat does nothing).
            jobs.Trigger(PlanTermJobs.JobId);
        }
        services.GetRequiredService<DeadlineTrackingSubscriptions>().Start();
        await services.GetRequiredService<DeadlineTracker>().ReconcileAsync();
    }
}

/// <summary>New cases get their jobs at once; a holiday change re-derives every waiting case's deadline.</summary>
public sealed class DeadlineTrackingSubscriptions(CaseChangeNotifier notifier, BusinessCalendar calendar, DeadlineTracker tracker) : IDisposable
{
    private IDisposable? created;
    private int started;

    public void Start()
    {
        if (Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }
        created = notifier.Subscribe(change => change.Kind == CaseChangeKind.Created ? tracker.TrackAsync(change.CaseId) : Task.CompletedTask);
        calendar.Changed += OnCalendarChanged;
    }

    private Task OnCalendarChanged(Domain.Calendar.TierCalendar _) => tracker.RederiveAsync();

    public void Dispose()
    {
        created?.Dispose();
        calendar.Changed -= OnCalendarChanged;
    }
}
