namespace SupportConsole.Domain.Calendar;

/// <summary>The product's one precision for instants: whole seconds in UTC (no rounding, the fraction is dropped).</summary>
public static class WholeSeconds
{
    public static DateTimeOffset ToWholeSecond(this DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());
}
