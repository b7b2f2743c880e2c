using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;
using static SupportConsole.Tests.Domain.Calendar.Calendars;

namespace SupportConsole.Tests.Domain.Calendar;

/// <summary>Holidays are whole Central dates that close every tier.</summary>
public sealed class HolidayTests
{
    [Fact]
    public void Holiday_starts_at_central_midnight_not_utc_midnight()
    {
        // At 05:59:59Z on Nov 26 it is still Nov 25 in Chicago: the "holiday a day early" bug.
        Assert.Equal(new DateOnly(2026, 11, 25), TierCalendar.LocalDateOf(Utc("2026-11-26T05:59:59Z")));
        Assert.Null(WorkedExamples.HolidayOn(TierCalendar.LocalDateOf(Utc("2026-11-26T05:59:59Z"))));
        Assert.Equal(new DateOnly(2026, 11, 26), TierCalendar.LocalDateOf(Utc("2026-11-26T06:00:00Z")));
        Assert.Equal("Thanksgiving Day", WorkedExamples.HolidayOn(TierCalendar.LocalDateOf(Utc("2026-11-26T06:00:00Z")))?.Name);
    }

    [Fact]
    public void Tier1_is_open_on_the_eve_of_a_holiday_although_the_utc_date_is_the_holiday()
    {
        Assert.True(WorkedExamples.IsOpen(SupportTier.Tier1, Utc("2026-11-26T00:59:59Z")));
        Assert.Equal(Utc("2026-11-26T01:00:00Z"), WorkedExamples.CurrentClose(SupportTier.Tier1, Utc("2026-11-26T00:59:59Z")));
        Assert.False(WorkedExamples.IsOpen(SupportTier.Tier1, Utc("2026-11-26T13:00:00Z")));
        Assert.True(WorkedExamples.IsOpen(SupportTier.Tier1, Utc("2026-11-27T13:00:00Z")));
    }

    [Fact]
    public void Summer_holiday_follows_the_daylight_time_midnight()
    {
        Assert.Equal(new DateOnly(2029, 7, 3), TierCalendar.LocalDateOf(Utc("2029-07-04T04:59:59Z")));
        Assert.Equal(new DateOnly(2029, 7, 4), TierCalendar.LocalDateOf(Utc("2029-07-04T05:00:00Z")));
        Assert.False(WorkedExamples.IsOpen(SupportTier.Tier1, Utc("2029-07-04T12:00:00Z")));
        Assert.False(WorkedExamples.IsOpen(SupportTier.Tier2, Utc("2029-07-04T15:00:00Z")));
    }

    [Fact]
    public void Case_arriving_the_day_before_thanksgiving_skips_thanksgiving_and_the_day_after()
    {
        var deadline = FirstResponseDeadline.Compute(YearEnd, SlaPolicy.ProPlusDefault, Utc("2026-11-25T14:00:00-06:00"));
        Assert.Equal(Utc("2026-12-01T14:00:00-06:00"), deadline.DueAt);
    }

    [Fact]
    public void Case_arriving_on_thanksgiving_starts_the_following_monday()
    {
        var deadline = FirstResponseDeadline.Compute(YearEnd, SlaPolicy.ProPlusDefault, Utc("2026-11-26T10:00:00-06:00"));
        Assert.Equal(Utc("2026-11-30T07:00:00-06:00"), deadline.ClockStartsAt);
        Assert.Equal(Utc("2026-12-01T19:00:00-06:00"), deadline.DueAt);
    }

    [Theory]
    [InlineData("2026-12-23T12:00:00-06:00", "2026-12-23T12:00:00-06:00", "2026-12-29T12:00:00-06:00")]
    [InlineData("2026-12-24T09:00:00-06:00", "2026-12-28T07:00:00-06:00", "2026-12-29T19:00:00-06:00")]
    [InlineData("2026-12-30T10:00:00-06:00", "2026-12-30T10:00:00-06:00", "2027-01-05T10:00:00-06:00")]
    [InlineData("2026-12-31T08:00:00-06:00", "2027-01-04T07:00:00-06:00", "2027-01-05T19:00:00-06:00")]
    [InlineData("2027-01-01T23:00:00-06:00", "2027-01-04T07:00:00-06:00", "2027-01-05T19:00:00-06:00")]
    public void Christmas_to_new_year_closures_pause_the_clock(string arrival, string clockStart, string due)
    {
        var deadline = FirstResponseDeadline.Compute(YearEnd, SlaPolicy.ProPlusDefault, Utc(arrival));
        Assert.Equal(Utc(clockStart), deadline.ClockStartsAt);
        Assert.Equal(Utc(due), deadline.DueAt);
    }

    [Fact]
    public void Holidays_are_listed_in_date_order_and_duplicates_are_refused()
    {
        var calendar = TierCalendar.Default([new Holiday(new DateOnly(2027, 1, 1), "New Year's Day"), new Holiday(new DateOnly(2026, 12, 25), "Christmas Day")]);
        Assert.Equal([new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1)], calendar.Holidays.Select(h => h.Date));
        Assert.Throws<ArgumentException>(() => TierCalendar.Default([new Holiday(new DateOnly(2026, 12, 25), "A"), new Holiday(new DateOnly(2026, 12, 25), "B")]));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 12, 25)));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 12, 26)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 12, 28)));
    }

    [Fact]
    public void Editing_holidays_builds_a_new_snapshot_and_leaves_the_old_one_alone()
    {
        var before = NoHolidays;
        var after = TierCalendar.Default([new Holiday(new DateOnly(2026, 11, 26), "Thanksgiving Day")]);
        var arrival = Utc("2026-11-25T14:00:00-06:00");

        Assert.Equal(Utc("2026-11-27T14:00:00-06:00"), FirstResponseDeadline.Compute(before, SlaPolicy.ProPlusDefault, arrival).DueAt);
        Assert.Equal(Utc("2026-11-30T14:00:00-06:00"), FirstResponseDeadline.Compute(after, SlaPolicy.ProPlusDefault, arrival).DueAt);
        Assert.True(before.IsOpen(SupportTier.Tier1, Utc("2026-11-26T10:00:00-06:00")));
    }

    [Fact]
    public void A_thousand_holidays_give_the_same_answers_on_dates_without_holidays()
    {
        var random = new Random(20261126);
        var dates = new HashSet<DateOnly>();
        while (dates.Count < 1000)
        {
            // Holidays before 2010 and after 2040, queries 2012–2038: the running totals differ, the answers must not.
            var year = random.Next(2) == 0 ? random.Next(2000, 2010) : random.Next(2041, 2101);
            dates.Add(new DateOnly(year, 1, 1).AddDays(random.Next(365)));
        }

        var many = TierCalendar.Default(dates.Select(d => new Holiday(d, "Closed")));
        Assert.Equal(1000, many.Holidays.Count);
        var from = Utc("2012-01-01T00:00:00Z").ToUnixTimeSeconds();
        var to = Utc("2038-01-01T00:00:00Z").ToUnixTimeSeconds();
        for (var i = 0; i < 20_000; i++)
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(random.NextInt64(from, to));
            var amount = TimeSpan.FromSeconds(random.NextInt64(0, 200 * 3600));
            Assert.Equal(NoHolidays.AddBusinessTime(SupportTier.Tier1, at, amount), many.AddBusinessTime(SupportTier.Tier1, at, amount));
            Assert.Equal(NoHolidays.NextOpening(SupportTier.Tier2, at), many.NextOpening(SupportTier.Tier2, at));
            Assert.Equal(NoHolidays.IsOpen(SupportTier.Tier1, at), many.IsOpen(SupportTier.Tier1, at));
            Assert.Equal(
                FirstResponseDeadline.Compute(NoHolidays, SlaPolicy.ProPlusDefault, at),
                FirstResponseDeadline.Compute(many, SlaPolicy.ProPlusDefault, at));
        }
    }
}
