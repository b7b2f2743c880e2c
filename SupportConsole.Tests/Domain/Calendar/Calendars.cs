using SupportConsole.Domain.Calendar;

namespace SupportConsole.Tests.Domain.Calendar;

/// <summary>Calendars shared by the tests; snapshots are immutable, so sharing is safe.</summary>
internal static class Calendars
{
    /// <summary>The holidays of SLA-SEMANTICS.md's worked examples.</summary>
    public static TierCalendar WorkedExamples { get; } = TierCalendar.Default(
    [
        new Holiday(new DateOnly(2026, 11, 26), "Thanksgiving Day"),
        new Holiday(new DateOnly(2026, 12, 25), "Christmas Day"),
        new Holiday(new DateOnly(2029, 7, 4), "Independence Day"),
    ]);

    public static TierCalendar NoHolidays { get; } = TierCalendar.Default([]);

    /// <summary>Thanksgiving and the day after, and Christmas Eve through New Year's Day closures.</summary>
    public static TierCalendar YearEnd { get; } = TierCalendar.Default(
    [
        new Holiday(new DateOnly(2026, 11, 26), "Thanksgiving Day"),
        new Holiday(new DateOnly(2026, 11, 27), "Day after Thanksgiving"),
        new Holiday(new DateOnly(2026, 12, 24), "Christmas Eve"),
        new Holiday(new DateOnly(2026, 12, 25), "Christmas Day"),
        new Holiday(new DateOnly(2026, 12, 31), "New Year's Eve"),
        new Holiday(new DateOnly(2027, 1, 1), "New Year's Day"),
    ]);

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
