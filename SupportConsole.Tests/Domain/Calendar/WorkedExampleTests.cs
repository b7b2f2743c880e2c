using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;
using static SupportConsole.Tests.Domain.Calendar.Calendars;

namespace SupportConsole.Tests.Domain.Calendar;

/// <summary>Every row of the worked-examples table in SLA-SEMANTICS.md.</summary>
public sealed class WorkedExampleTests
{
    // arrival UTC, Tier 1 open?, clock start UTC, due UTC, due as agents read it, next Tier 2-3 opening UTC or "now"
    public static TheoryData<string, bool, string, string, string, string> Rows => new()
    {
        { "2029-03-05T13:00:00Z", true, "2029-03-05T13:00:00Z", "2029-03-07T01:00:00Z", "Tue 2029-03-06 19:00:00 CST", "2029-03-05T15:00:00Z" },
        { "2029-03-07T21:30:00Z", true, "2029-03-07T21:30:00Z", "2029-03-09T21:30:00Z", "Fri 2029-03-09 15:30:00 CST", "now" },
        { "2029-03-10T00:30:00Z", true, "2029-03-10T00:30:00Z", "2029-03-13T23:30:00Z", "Tue 2029-03-13 18:30:00 CDT", "2029-03-12T14:00:00Z" },
        { "2029-03-10T16:00:00Z", false, "2029-03-12T12:00:00Z", "2029-03-14T00:00:00Z", "Tue 2029-03-13 19:00:00 CDT", "2029-03-12T14:00:00Z" },
        { "2029-11-02T21:00:00Z", true, "2029-11-02T21:00:00Z", "2029-11-06T22:00:00Z", "Tue 2029-11-06 16:00:00 CST", "now" },
        { "2029-07-04T00:00:00Z", false, "2029-07-05T12:00:00Z", "2029-07-07T00:00:00Z", "Fri 2029-07-06 19:00:00 CDT", "2029-07-05T14:00:00Z" },
        { "2029-07-03T23:59:59Z", true, "2029-07-03T23:59:59Z", "2029-07-06T23:59:59Z", "Fri 2029-07-06 18:59:59 CDT", "2029-07-05T14:00:00Z" },
        { "2026-11-25T20:00:00Z", true, "2026-11-25T20:00:00Z", "2026-11-30T20:00:00Z", "Mon 2026-11-30 14:00:00 CST", "now" },
        { "2026-12-25T02:00:00Z", false, "2026-12-28T13:00:00Z", "2026-12-30T01:00:00Z", "Tue 2026-12-29 19:00:00 CST", "2026-12-28T15:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Worked_example_has_the_guides_tier1_state(string arrival, bool tier1Open, string clockStart, string due, string dueCentral, string tier23Opening)
    {
        _ = (clockStart, due, dueCentral, tier23Opening);
        Assert.Equal(tier1Open, WorkedExamples.IsOpen(SupportTier.Tier1, Utc(arrival)));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Worked_example_has_the_guides_clock_start_and_due(string arrival, bool tier1Open, string clockStart, string due, string dueCentral, string tier23Opening)
    {
        _ = (tier1Open, tier23Opening);
        var deadline = FirstResponseDeadline.Compute(WorkedExamples, SlaPolicy.ProPlusDefault, Utc(arrival));

        Assert.Equal(Utc(clockStart), deadline.ClockStartsAt);
        Assert.Equal(Utc(due), deadline.DueAt);
        Assert.Equal(TimeSpan.Zero, deadline.DueAt!.Value.Offset);
        Assert.Equal(dueCentral, TierCalendar.FormatCentral(deadline.DueAt.Value));
        Assert.Equal(Utc(due), WorkedExamples.AddBusinessTime(SupportTier.Tier1, Utc(arrival), TimeSpan.FromHours(24)));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Worked_example_has_the_guides_next_tier23_opening(string arrival, bool tier1Open, string clockStart, string due, string dueCentral, string tier23Opening)
    {
        _ = (tier1Open, clockStart, due, dueCentral);
        var at = Utc(arrival);
        if (tier23Opening == "now")
        {
            Assert.True(WorkedExamples.IsOpen(SupportTier.Tier2, at));
            Assert.Equal(at, WorkedExamples.ClockStart(SupportTier.Tier2, at));
        }
        else
        {
            Assert.False(WorkedExamples.IsOpen(SupportTier.Tier2, at));
            Assert.Equal(Utc(tier23Opening), WorkedExamples.NextOpening(SupportTier.Tier2, at));
        }
    }

    [Fact]
    public void Case_arriving_monday_at_opening_is_due_tuesday_close_not_wednesday_opening()
    {
        var due = WorkedExamples.AddBusinessTime(SupportTier.Tier1, Utc("2029-03-05T07:00:00-06:00"), TimeSpan.FromHours(24));
        Assert.Equal(Utc("2029-03-06T19:00:00-06:00"), due);
    }

    [Fact]
    public void Case_arriving_saturday_is_due_tuesday_close()
    {
        var deadline = FirstResponseDeadline.Compute(WorkedExamples, SlaPolicy.ProPlusDefault, Utc("2029-03-10T10:00:00-06:00"));
        Assert.Equal("Tue 2029-03-13 19:00:00 CDT", TierCalendar.FormatCentral(deadline.DueAt!.Value));
    }
}
