namespace SupportConsole.Domain.Calendar;

/// <summary>A stretch of a tier's window, half-open <c>[Start, End)</c>, in UTC.</summary>
public readonly record struct BusinessWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Duration => End - Start;
}
