using SupportConsole.Domain.Calendar;
using static SupportConsole.Tests.Domain.Calendar.Calendars;

namespace SupportConsole.Tests.Domain.Calendar;

public sealed class CalendarRangeTests
{
    [Fact]
    public void Calendar_covers_central_dates_2000_through_2100()
    {
        Assert.Equal(new DateOnly(2000, 1, 1), TierCalendar.MinDate);
        Assert.Equal(new DateOnly(2100, 12, 31), TierCalendar.MaxDate);
        Assert.True(TierCalendar.Covers(Utc("2000-01-01T00:00:00-06:00")));
        Assert.False(TierCalendar.Covers(Utc("1999-12-31T23:59:59-06:00")));
        Assert.True(TierCalendar.Covers(Utc("2100-12-31T23:59:59-06:00")));
        Assert.False(TierCalendar.Covers(Utc("2101-01-01T00:00:00-06:00")));
    }

    [Fact]
    public void Instants_outside_the_range_are_refused_with_a_clear_message()
    {
        var early = Utc("2000-01-01T05:59:59Z");
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => NoHolidays.IsOpen(SupportTier.Tier1, early));
        Assert.Contains("1999-12-31", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2000-01-01..2100-12-31", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => NoHolidays.ClockStart(SupportTier.Tier1, Utc("2101-01-01T06:00:00Z")));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoHolidays.AddBusinessTime(SupportTier.Tier1, Utc("2100-12-31T12:00:00Z"), TimeSpan.FromHours(24)));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoHolidays.NextOpening(SupportTier.Tier1, Utc("2100-12-31T20:00:00Z")));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoHolidays.AddBusinessTime(SupportTier.Tier1, Utc("2026-01-05T12:00:00Z"), TimeSpan.FromHours(-1)));
        Assert.Equal(new DateOnly(1999, 12, 31), TierCalendar.LocalDateOf(early));
    }

    [Fact]
    public void Business_hours_must_open_before_they_close()
    {
        Assert.Throws<ArgumentException>(() => new BusinessHours(new TimeOnly(19, 0), new TimeOnly(7, 0)));
        Assert.Throws<ArgumentException>(() => new BusinessHours(new TimeOnly(9, 0), new TimeOnly(9, 0)));
        Assert.Equal(new BusinessHours(new TimeOnly(7, 0), new TimeOnly(19, 0)), BusinessHours.Tier1Default);
        Assert.Equal(new BusinessHours(new TimeOnly(9, 0), new TimeOnly(17, 0)), BusinessHours.Tier23Default);
    }

    /// <summary>
    /// What a holiday edit does to the calendar: a new snapshot that closes the added day and reopens the removed one,
    /// while the snapshot in use stays as it was. How long the rebuild takes is measured by the benchmark
    /// (SupportConsole.Benchmarks, FirstResponseDeadlineBenchmarks.Create_after_holiday_edit), not asserted here.
    /// </summary>
    [Fact]
    public void Rebuilding_after_a_holiday_edit_moves_business_time_and_leaves_the_earlier_snapshot_unchanged()
    {
        var holidays = Enumerable.Range(2000, 101).Select(y => new Holiday(new DateOnly(y, 7, 4), "Independence Day")).ToArray();
        var before = TierCalendar.Default(holidays);
        // The edit: Friday 2029-07-06 becomes a company day off; Thursday 2030-07-04 is taken off the list.
        var edited = holidays.Where(h => h.Date != new DateOnly(2030, 7, 4)).Append(new Holiday(new DateOnly(2029, 7, 6), "Company day off")).ToArray();

        var after = TierCalendar.Default(edited);

        var fridayNoon = Utc("2029-07-06T12:00:00-05:00");
        Assert.True(before.IsOpen(SupportTier.Tier1, fridayNoon));
        Assert.False(after.IsOpen(SupportTier.Tier1, fridayNoon));
        Assert.Null(before.HolidayOn(new DateOnly(2029, 7, 6)));
        Assert.Equal("Company day off", after.HolidayOn(new DateOnly(2029, 7, 6))?.Name);
        var thursdayNoon = Utc("2030-07-04T12:00:00-05:00");
        Assert.False(before.IsOpen(SupportTier.Tier1, thursdayNoon));
        Assert.True(after.IsOpen(SupportTier.Tier1, thursdayNoon));
        Assert.Null(after.HolidayOn(new DateOnly(2030, 7, 4)));
        // Thursday 18:00 CDT plus two Tier 1 hours: Friday 08:00 before the edit, Monday 08:00 after it.
        var thursdayEvening = Utc("2029-07-05T18:00:00-05:00");
        Assert.Equal(Utc("2029-07-06T08:00:00-05:00"), before.AddBusinessTime(SupportTier.Tier1, thursdayEvening, TimeSpan.FromHours(2)));
        Assert.Equal(Utc("2029-07-09T08:00:00-05:00"), after.AddBusinessTime(SupportTier.Tier1, thursdayEvening, TimeSpan.FromHours(2)));
        // Every other holiday is the same in both snapshots.
        Assert.Equal(holidays.Length, after.Holidays.Count);
        Assert.Equal(before.Holidays.Where(h => h.Date.Year != 2030), after.Holidays.Where(h => h.Date != new DateOnly(2029, 7, 6)));
    }
}
