using System.Globalization;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Domain.Sla;

/// <summary>A deadline in a customer's words, in US Central wall-clock time: "by Thursday 1:03 PM Central".</summary>
public static class DueWording
{
    /// <summary>
    /// "today 4:00 PM Central" and "tomorrow …" for the next two days, the weekday within the week ahead, and the weekday
    /// with its date beyond that ("by Monday, December 14 9:00 AM Central"), all seen from <paramref name="now"/>.
    /// </summary>
    public static string ForCustomer(DateTimeOffset due, DateTimeOffset now)
    {
        var local = TierCalendar.ToCentral(due);
        var today = TierCalendar.ToCentral(now).Date;
        var days = (local.Date - today).Days;
        var time = local.ToString("h:mm tt", CultureInfo.InvariantCulture);
        var day = days switch
        {
            0 => "today",
            1 => "tomorrow",
            > 1 and < 7 => local.ToString("dddd", CultureInfo.InvariantCulture),
            _ => local.ToString("dddd, MMMM d", CultureInfo.InvariantCulture),
        };
        return $"by {day} {time} Central";
    }
}
