namespace SupportConsole.Components.Shared;

/// <summary>Durations as agents read them: "2d 3h", "5h 12m", "14m", "40s".</summary>
public static class Durations
{
    public static string Short(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : "";
        span = span.Duration();
        return sign + (span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes:00}m"
            : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m"
            : $"{(int)span.TotalSeconds}s");
    }
}
