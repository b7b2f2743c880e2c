using System.Diagnostics;
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

    [Fact]
    public void Rebuilding_after_a_holiday_edit_takes_under_50_milliseconds()
    {
        var holidays = Enumerable.Range(2000, 101).Select(y => new Holiday(new DateOnly(y, 7, 4), "Independence Day")).ToArray();
        _ = TierCalendar.Default(holidays);
        var watch = Stopwatch.StartNew();
        _ = TierCalendar.Default(holidays);
        watch.Stop();
        Assert.True(watch.ElapsedMilliseconds < 50, $"Create took {watch.ElapsedMilliseconds} ms.");
    }
}
