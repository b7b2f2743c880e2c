namespace SupportConsole.Features.Notifications;

public static class NotificationsHosting
{
    /// <summary>The bell (in-app notifications) and the managers' breach digest job.</summary>
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotificationCentre>();
        builder.Services.AddTransient<ManagerBreachDigestJob>();
    }
}
