using SupportConsole.Domain.Calendar;
using static SupportConsole.Tests.Domain.Calendar.Calendars;

namespace SupportConsole.Tests.Domain.Calendar;

/// <summary>The half-open edges of the windows, a second either side, for both tiers (Wednesday 2026-03-04, CST).</summary>
public sealed class WindowEdgeTests
{
    // at (Central), open?, clock start, next opening, current close (or "-")
    public static TheoryData<string, bool, string, string, string> Tier1Edges => new()
    {
        { "2026-03-04T06:59:59-06:00", false, "2026-03-04T07:00:00-06:00", "2026-03-04T07:00:00-06:00", "-" },
        { "2026-03-04T07:00:00-06:00", true, "2026-03-04T07:00:00-06:00", "2026-03-05T07:00:00-06:00", "2026-03-04T19:00:00-06:00" },
        { "2026-03-04T18:59:59-06:00", true, "2026-03-04T18:59:59-06:00", "2026-03-05T07:00:00-06:00", "2026-03-04T19:00:00-06:00" },
        { "2026-03-04T19:00:00-06:00", false, "2026-03-05T07:00:00-06:00", "2026-03-05T07:00:00-06:00", "-" },
        { "2026-03-04T00:00:00-06:00", false, "2026-03-04T07:00:00-06:00", "2026-03-04T07:00:00-06:00", "-" },
        { "2026-03-04T23:59:59-06:00", false, "2026-03-05T07:00:00-06:00", "2026-03-05T07:00:00-06:00", "-" },
        // Fridays: the next window is Monday's.
        { "2026-03-06T18:59:59-06:00", true, "2026-03-06T18:59:59-06:00", "2026-03-09T07:00:00-05:00", "2026-03-06T19:00:00-06:00" },
        { "2026-03-06T19:00:00-06:00", false, "2026-03-09T07:00:00-05:00", "2026-03-09T07:00:00-05:00", "-" },
        { "2026-05-15T18:59:59-05:00", true, "2026-05-15T18:59:59-05:00", "2026-05-18T07:00:00-05:00", "2026-05-15T19:00:00-05:00" },
        { "2026-05-15T19:00:00-05:00", false, "2026-05-18T07:00:00-05:00", "2026-05-18T07:00:00-05:00", "-" },
    };

    public static TheoryData<string, bool, string, string, string> Tier23Edges => new()
    {
        { "2026-03-04T08:59:59-06:00", false, "2026-03-04T09:00:00-06:00", "2026-03-04T09:00:00-06:00", "-" },
        { "2026-03-04T09:00:00-06:00", true, "2026-03-04T09:00:00-06:00", "2026-03-05T09:00:00-06:00", "2026-03-04T17:00:00-06:00" },
        { "2026-03-04T16:59:59-06:00", true, "2026-03-04T16:59:59-06:00", "2026-03-05T09:00:00-06:00", "2026-03-04T17:00:00-06:00" },
        { "2026-03-04T17:00:00-06:00", false, "2026-03-05T09:00:00-06:00", "2026-03-05T09:00:00-06:00", "-" },
        { "2026-03-06T17:00:00-06:00", false, "2026-03-09T09:00:00-05:00", "2026-03-09T09:00:00-05:00", "-" },
    };

    [Theory]
    [MemberData(nameof(Tier1Edges))]
    public void Tier1_window_edges_are_half_open(string at, bool open, string clockStart, string nextOpening, string currentClose) =>
        AssertEdge(SupportTier.Tier1, at, open, clockStart, nextOpening, currentClose);

    [Theory]
    [MemberData(nameof(Tier23Edges))]
    public void Tier23_window_edges_are_half_open(string at, bool open, string clockStart, string nextOpening, string currentClose) =>
        AssertEdge(SupportTier.Tier2, at, open, clockStart, nextOpening, currentClose);

    [Fact]
    public void Answers_are_utc_and_sub_second_input_is_truncated()
    {
        var at = Utc("2026-03-04T18:59:59.999-06:00");
        Assert.True(NoHolidays.IsOpen(SupportTier.Tier1, at));
        var start = NoHolidays.ClockStart(SupportTier.Tier1, at);
        Assert.Equal(Utc("2026-03-05T00:59:59Z"), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(0, start.Millisecond);
        Assert.Equal(TimeSpan.Zero, NoHolidays.NextOpening(SupportTier.Tier1, at).Offset);
    }

    [Fact]
    public void Adding_zero_business_time_returns_the_starting_instant_even_when_closed()
    {
        var saturday = Utc("2026-03-07T10:00:00Z");
        Assert.Equal(saturday, NoHolidays.AddBusinessTime(SupportTier.Tier1, saturday, TimeSpan.Zero));
    }

    [Fact]
    public void Business_time_between_counts_only_windows_and_is_zero_backwards()
    {
        var friday = Utc("2026-03-06T07:00:00-06:00");
        var monday = Utc("2026-03-09T19:00:00-05:00");
        Assert.Equal(TimeSpan.FromHours(24), NoHolidays.BusinessTimeBetween(SupportTier.Tier1, friday, monday));
        Assert.Equal(TimeSpan.FromHours(16), NoHolidays.BusinessTimeBetween(SupportTier.Tier2, friday, monday));
        Assert.Equal(TimeSpan.Zero, NoHolidays.BusinessTimeBetween(SupportTier.Tier1, monday, friday));
    }

    [Fact]
    public void Windows_between_are_clipped_to_the_range()
    {
        var windows = NoHolidays.WindowsBetween(SupportTier.Tier1, Utc("2026-03-06T18:00:00-06:00"), Utc("2026-03-09T08:00:00-05:00"));
        Assert.Equal(
            [
                new BusinessWindow(Utc("2026-03-07T00:00:00Z"), Utc("2026-03-07T01:00:00Z")),
                new BusinessWindow(Utc("2026-03-09T12:00:00Z"), Utc("2026-03-09T13:00:00Z")),
            ],
            windows);
    }

    [Fact]
    public void Availability_gives_the_close_when_open_and_the_next_opening_when_closed()
    {
        Assert.Equal(
            new TierAvailability(true, Utc("2026-11-25T19:00:00-06:00"), null),
            WorkedExamples.Availability(SupportTier.Tier1, Utc("2026-11-25T14:00:00-06:00")));
        Assert.Equal(
            new TierAvailability(false, null, Utc("2026-11-27T09:00:00-06:00")),
            WorkedExamples.Availability(SupportTier.Tier2, Utc("2026-11-25T17:00:00-06:00")));
    }

    private static void AssertEdge(SupportTier tier, string at, bool open, string clockStart, string nextOpening, string currentClose)
    {
        var instant = Utc(at);
        Assert.Equal(open, NoHolidays.IsOpen(tier, instant));
        Assert.Equal(Utc(clockStart), NoHolidays.ClockStart(tier, instant));
        Assert.Equal(Utc(nextOpening), NoHolidays.NextOpening(tier, instant));
        Assert.Equal(currentClose == "-" ? null : Utc(currentClose), NoHolidays.CurrentClose(tier, instant));
    }
}
