using Hangfire;

namespace SupportConsole.Features.Email;

public static class EmailHosting
{
    public static void AddEmailDelivery(this WebApplicationBuilder builder)
    {
        var options = EmailOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<OutboxPump>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxPump>());
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddTransient<OutboxDelivery>();
    }

    public static void ScheduleOutboxSweep(this IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<OutboxDelivery>(OutboxDelivery.SweepJobId, d => d.SweepAsync(CancellationToken.None), Cron.Minutely);
}
