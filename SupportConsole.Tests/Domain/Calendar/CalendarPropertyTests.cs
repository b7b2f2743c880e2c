using CsCheck;
using NodaTime;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using static SupportConsole.Tests.Domain.Calendar.Calendars;

namespace SupportConsole.Tests.Domain.Calendar;

/// <summary>Properties over random instants 2000–2099 and amounts up to 200 hours.</summary>
public sealed class CalendarPropertyTests
{
    private static readonly long First = Utc("2000-01-01T06:00:00Z").ToUnixTimeSeconds();
    private static readonly long Last = Utc("2099-12-31T00:00:00Z").ToUnixTimeSeconds();
    private static readonly Gen<DateTimeOffset> Instants = Gen.Long[First, Last].Select(DateTimeOffset.FromUnixTimeSeconds);
    private static readonly Gen<TimeSpan> Amounts = Gen.Long[0, 200 * 3600].Select(TimeSpan.FromSeconds);

    // US federal holidays, observed, so the properties meet holidays next to weekends.
    private static readonly TierCalendar Federal = TierCalendar.Default(FederalHolidays(2000, 2100));

    [Fact]
    public void Business_time_between_undoes_adding_business_time()
    {
        Gen.Select(Instants, Amounts).Sample((from, amount) =>
        {
            foreach (var tier in (SupportTier[])[SupportTier.Tier1, SupportTier.Tier2])
            {
                var end = Federal.AddBusinessTime(tier, from, amount);
                Assert.Equal(amount, Federal.BusinessTimeBetween(tier, from, end));
                Assert.True(end >= from);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Adding_business_time_gives_the_earliest_instant()
    {
        Gen.Select(Instants, Gen.Long[1, 200 * 3600]).Sample((from, seconds) =>
        {
            var end = Federal.AddBusinessTime(SupportTier.Tier1, from, TimeSpan.FromSeconds(seconds));
            Assert.Equal(TimeSpan.FromSeconds(seconds - 1), Federal.BusinessTimeBetween(SupportTier.Tier1, from, end.AddSeconds(-1)));
        }, iter: 10_000);
    }

    [Fact]
    public void Due_is_not_before_clock_start_which_is_not_before_arrival()
    {
        Instants.Sample(arrival =>
        {
            var deadline = FirstResponseDeadline.Compute(Federal, SlaPolicy.ProPlusDefault, arrival);
            Assert.True(deadline.ClockStartsAt >= arrival);
            Assert.True(deadline.AtRiskAt >= deadline.ClockStartsAt);
            Assert.True(deadline.DueAt > deadline.AtRiskAt);
            Assert.True(Federal.IsOpen(SupportTier.Tier1, deadline.ClockStartsAt));
        }, iter: 20_000);
    }

    [Fact]
    public void Due_and_at_risk_fall_inside_a_window_or_exactly_at_its_close_never_at_night_or_on_a_closed_day()
    {
        Instants.Sample(arrival =>
        {
            var deadline = FirstResponseDeadline.Compute(Federal, SlaPolicy.ProPlusDefault, arrival);
            foreach (var instant in (DateTimeOffset[])[deadline.DueAt!.Value, deadline.AtRiskAt!.Value])
            {
                // Inside (open, close]: the second before is open.
                Assert.True(Federal.IsOpen(SupportTier.Tier1, instant.AddSeconds(-1)));
                var local = TierCalendar.ToCentral(instant);
                Assert.True(Federal.IsBusinessDay(DateOnly.FromDateTime(local)));
                Assert.InRange(TimeOnly.FromDateTime(local), new TimeOnly(7, 0, 1), new TimeOnly(19, 0));
            }

            Assert.Equal(TimeSpan.FromHours(4), Federal.BusinessTimeBetween(SupportTier.Tier1, deadline.AtRiskAt!.Value, deadline.DueAt!.Value));
        }, iter: 20_000);
    }

    [Fact]
    public void Arithmetic_matches_a_day_by_day_reference_built_with_nodatime()
    {
        Gen.Select(Instants, Amounts).Sample((from, amount) =>
            Assert.Equal(ReferenceAddTier1(Federal, from, amount), Federal.AddBusinessTime(SupportTier.Tier1, from, amount)), iter: 3_000);
    }

    [Fact]
    public void Next_opening_is_after_the_instant_and_nothing_opens_in_between()
    {
        Instants.Sample(at =>
        {
            var next = Federal.NextOpening(SupportTier.Tier2, at);
            Assert.True(next > at);
            Assert.True(Federal.IsOpen(SupportTier.Tier2, next));
            Assert.False(Federal.IsOpen(SupportTier.Tier2, next.AddSeconds(-1)));
            var close = Federal.CurrentClose(SupportTier.Tier2, at) ?? at;
            Assert.Equal(TimeSpan.Zero, Federal.BusinessTimeBetween(SupportTier.Tier2, close, next));
        }, iter: 20_000);
    }

    [Fact]
    public void Recalculating_a_deadline_gives_the_same_answer()
    {
        var rebuilt = TierCalendar.Default(FederalHolidays(2000, 2100));
        Instants.Sample(arrival =>
            Assert.Equal(
                FirstResponseDeadline.Compute(Federal, SlaPolicy.ProPlusDefault, arrival),
                FirstResponseDeadline.Compute(rebuilt, SlaPolicy.ProPlusDefault, arrival)), iter: 5_000);
    }

    /// <summary>The US federal holidays (observed dates) of a span of years, from the app's own holiday rules.</summary>
    internal static IEnumerable<Holiday> FederalHolidays(int firstYear, int lastYear) =>
        Enumerable.Range(firstYear, lastYear - firstYear + 1).SelectMany(HolidayBook.FederalHolidays).DistinctBy(h => h.Date);

    // Walks Central days one by one, mapping 07:00 and 19:00 with NodaTime each time: slow and obviously right.
    private static DateTimeOffset ReferenceAddTier1(TierCalendar calendar, DateTimeOffset from, TimeSpan amount)
    {
        var zone = DateTimeZoneProviders.Tzdb["America/Chicago"];
        var remaining = (long)amount.TotalSeconds;
        var cursor = from.ToUnixTimeSeconds();
        if (remaining == 0)
        {
            return DateTimeOffset.FromUnixTimeSeconds(cursor);
        }

        var local = Instant.FromUnixTimeSeconds(cursor).InZone(zone).Date;
        while (true)
        {
            var date = new DateOnly(local.Year, local.Month, local.Day);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && calendar.HolidayOn(date) is null)
            {
                var open = zone.AtStrictly(local + new LocalTime(7, 0)).ToInstant().ToUnixTimeSeconds();
                var close = zone.AtStrictly(local + new LocalTime(19, 0)).ToInstant().ToUnixTimeSeconds();
                var start = Math.Max(open, cursor);
                if (start < close)
                {
                    if (close - start >= remaining)
                    {
                        return DateTimeOffset.FromUnixTimeSeconds(start + remaining);
                    }

                    remaining -= close - start;
                }
            }

            local = local.PlusDays(1);
        }
    }
}
