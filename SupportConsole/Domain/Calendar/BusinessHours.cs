namespace SupportConsole.Domain.Calendar;

/// <summary>
/// A tier's daily window in Central wall-clock time, Monday to Friday, half-open <c>[Open, Close)</c>.
/// </summary>
public sealed record BusinessHours
{
    public BusinessHours(TimeOnly open, TimeOnly close)
    {
        // A window must lie inside one local day, so a night shift is not expressible on purpose.
        if (open >= close)
        {
            throw new ArgumentException($"Business hours must open before they close (open {open:HH:mm:ss}, close {close:HH:mm:ss}).", nameof(close));
        }

        // The arithmetic works at one-second precision, so the window is too.
        Open = TruncateToSecond(open);
        Close = TruncateToSecond(close);
        if (Open >= Close)
        {
            throw new ArgumentException("Business hours must be at least one second long.", nameof(close));
        }
    }

    public TimeOnly Open { get; }

    public TimeOnly Close { get; }

    /// <summary>Tier 1: 07:00–19:00 Central, the window in the Pro Plus promise.</summary>
    public static BusinessHours Tier1Default { get; } = new(new TimeOnly(7, 0), new TimeOnly(19, 0));

    /// <summary>Tier 2-3: 09:00–17:00 Central.</summary>
    public static BusinessHours Tier23Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(17, 0));

    public TimeSpan Length => Close - Open;

    public void Deconstruct(out TimeOnly open, out TimeOnly close)
    {
        open = Open;
        close = Close;
    }

    public override string ToString() => $"{Open:HH:mm}–{Close:HH:mm}";

    /// <summary>How customers read the window: "7am to 7pm", "8:30am to 5pm".</summary>
    public string ForCustomers() => $"{Clock(Open)} to {Clock(Close)}";

    private static string Clock(TimeOnly time)
    {
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var suffix = time.Hour < 12 ? "am" : "pm";
        return time.Minute == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{hour}{suffix}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{hour}:{time.Minute:00}{suffix}");
    }

    private static TimeOnly TruncateToSecond(TimeOnly time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond));
}
