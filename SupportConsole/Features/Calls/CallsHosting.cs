namespace SupportConsole.Features.Calls;

public static class CallsHosting
{
    /// <summary>Calls: slots, bookings, invitations, reminders, booking links, the engineer's calendar and the public contact page.</summary>
    public static void AddCalls(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(CallOptions.From(builder.Configuration));
        builder.Services.AddSingleton<CallBook>();
        builder.Services.AddSingleton<BookingLinks>();
        builder.Services.AddTransient<CallReminderJob>();
        builder.Services.AddSingleton(new Cases.CasePanel(typeof(Pages.CaseCallsPanel), 10));
    }

    public static void MapCalls(this WebApplication app) => app.MapCallEndpoints();
}
