using System.Globalization;

namespace SupportConsole.Components.Shared;

/// <summary>
/// Durations as agents read them: "5h 12m", "45m", "30h 00m". Never in days: these are mostly Tier 1 business hours,
/// and a business day is 12 hours, not 24. The sign is dropped; callers say "ago" or "left".
/// </summary>
public static class Durations
{
    public static string Short(TimeSpan span)
    {
        var minutes = (long)Math.Floor(span.Duration().TotalMinutes);
        var hours = minutes / 60;
        return hours == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{hours}h {minutes % 60:00}m");
    }
}
