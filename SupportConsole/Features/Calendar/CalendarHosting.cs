namespace SupportConsole.Features.Calendar;

public static class CalendarHosting
{
    /// <summary>The tier calendar (hours, holidays) every deadline is counted on, and its API.</summary>
    public static void AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(CalendarOptions.From(builder.Configuration));
        builder.Services.AddSingleton<BusinessCalendar>();
        builder.Services.AddSingleton<HolidayBook>();
    }

    public static void MapCalendar(this WebApplication app) => app.MapCalendarEndpoints();
}
