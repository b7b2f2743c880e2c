using System.Globalization;

namespace SupportConsole.Components.Sla;

/// <summary>
/// Business durations as people read them, the one formatter every page uses. Never in days: these are mostly Tier 1
/// business hours, and a business day is 12 hours, not 24. The sign is dropped; callers say "ago", "left" or "overdue".
/// </summary>
public static class Durations
{
    /// <summary>"5h 12m", "45m", "30h 00m": queue rows, badges, dashboard figures.</summary>
    public static string Short(TimeSpan span)
    {
        var minutes = (long)Math.Floor(span.Duration().TotalMinutes);
        var hours = minutes / 60;
        return hours == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{hours}h {minutes % 60:00}m");
    }

    /// <summary>"3 hours 10 minutes", "1 hour", "45 minutes": what a screen reader says for <see cref="Short"/>.</summary>
    public static string Spoken(TimeSpan span)
    {
        var minutes = (long)Math.Floor(span.Duration().TotalMinutes);
        var hours = minutes / 60;
        var rest = minutes % 60;
        static string Unit(long n, string one) => string.Create(CultureInfo.InvariantCulture, $"{n} {one}{(n == 1 ? "" : "s")}");
        return hours == 0 ? Unit(rest, "minute")
            : rest == 0 ? Unit(hours, "hour")
            : $"{Unit(hours, "hour")} {Unit(rest, "minute")}";
    }

    /// <summary>"5h", "3h 30m", "45m 10s": labels inside the SLA timeline strip, where space is short.</summary>
    public static string Compact(TimeSpan span)
    {
        var whole = Whole(span);
        var parts = new List<string>();
        if ((long)whole.TotalHours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(long)whole.TotalHours}h"));
        }
        if (whole.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{whole.Minutes}m"));
        }
        if (whole.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{whole.Seconds}s"));
        }
        return string.Join(' ', parts);
    }

    /// <summary>"24h 00m 00s", "61h 15m 00s": to the second, where a deadline is checked against the rules.</summary>
    public static string Precise(TimeSpan span)
    {
        var whole = Whole(span);
        return string.Create(CultureInfo.InvariantCulture, $"{(long)whole.TotalHours}h {whole.Minutes:00}m {whole.Seconds:00}s");
    }

    private static TimeSpan Whole(TimeSpan span) => TimeSpan.FromSeconds(Math.Floor(span.Duration().TotalSeconds));
}
