using Hangfire;

namespace SupportConsole.Features.Notifications;

public static class NotificationsHosting
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotificationCentre>();
        builder.Services.AddTransient<ManagerBreachDigest>();
    }

    /// <summary>Every minute by default (<c>Notifications:DigestCron</c>); the job itself waits for Tier 1 hours.</summary>
    public static void ScheduleBreachDigest(this IRecurringJobManager jobs, string? cron = null) =>
        jobs.AddOrUpdate<ManagerBreachDigest>(ManagerBreachDigest.JobId, d => d.SendAsync(CancellationToken.None), cron ?? Cron.Minutely());
}
