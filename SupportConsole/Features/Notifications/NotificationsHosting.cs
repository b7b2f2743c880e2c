using Hangfire;

namespace SupportConsole.Features.Notifications;

public static class NotificationsHosting
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotificationCentre>();
        builder.Services.AddTransient<ManagerBreachDigest>();
    }

    public static void ScheduleBreachDigest(this IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ManagerBreachDigest>(ManagerBreachDigest.JobId, d => d.SendAsync(CancellationToken.None), Cron.Minutely);
}
