namespace SupportConsole.Features.OutgoingMail;

public static class OutgoingMailHosting
{
    /// <summary>Mail we send: the outbox, the pump that hands committed mail to Hangfire, and delivery (SMTP relay or pickup folder).</summary>
    public static void AddOutgoingMail(this WebApplicationBuilder builder)
    {
        var options = OutgoingMailOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<OutboxPump>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxPump>());
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddTransient<OutboxDelivery>();
        builder.Services.AddTransient<OutboxDeliveryJob>();
        builder.Services.AddTransient<OutboxSweepJob>();
    }
}
