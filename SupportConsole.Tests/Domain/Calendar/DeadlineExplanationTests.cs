using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;
using static SupportConsole.Tests.Domain.Calendar.Calendars;

namespace SupportConsole.Tests.Domain.Calendar;

public sealed class DeadlineExplanationTests
{
    [Fact]
    public void Friday_afternoon_deadline_shows_the_weekend_pause()
    {
        var arrival = Utc("2026-05-15T15:00:00-05:00");
        var deadline = FirstResponseDeadline.Compute(NoHolidays, SlaPolicy.ProPlusDefault, arrival);
        var explanation = DeadlineExplanation.Explain(NoHolidays, arrival, deadline.DueAt!.Value);

        Assert.Equal(
            [
                new TimelineSegment(Utc("2026-05-15T15:00:00-05:00"), Utc("2026-05-15T19:00:00-05:00"), SegmentKind.Counted, null),
                new TimelineSegment(Utc("2026-05-15T19:00:00-05:00"), Utc("2026-05-18T07:00:00-05:00"), SegmentKind.Weekend, "Weekend"),
                new TimelineSegment(Utc("2026-05-18T07:00:00-05:00"), Utc("2026-05-18T19:00:00-05:00"), SegmentKind.Counted, null),
                new TimelineSegment(Utc("2026-05-18T19:00:00-05:00"), Utc("2026-05-19T07:00:00-05:00"), SegmentKind.Night, "Night"),
                new TimelineSegment(Utc("2026-05-19T07:00:00-05:00"), Utc("2026-05-19T15:00:00-05:00"), SegmentKind.Counted, null),
            ],
            explanation.Segments);
    }

    [Fact]
    public void Thanksgiving_deadline_names_the_holidays()
    {
        var arrival = Utc("2026-11-25T14:00:00-06:00");
        var deadline = FirstResponseDeadline.Compute(YearEnd, SlaPolicy.ProPlusDefault, arrival);
        var explanation = DeadlineExplanation.Explain(YearEnd, arrival, deadline.DueAt!.Value);

        var pause = Assert.Single(explanation.Segments, s => s.Kind == SegmentKind.Holiday);
        Assert.Equal("Holidays: Thanksgiving Day, Day after Thanksgiving and weekend", pause.Reason);
        Assert.Equal(Utc("2026-11-25T19:00:00-06:00"), pause.Start);
        Assert.Equal(Utc("2026-11-30T07:00:00-06:00"), pause.End);

        var single = DeadlineExplanation.Explain(WorkedExamples, arrival, FirstResponseDeadline.Compute(WorkedExamples, SlaPolicy.ProPlusDefault, arrival).DueAt!.Value);
        Assert.Contains(single.Segments, s => s.Reason == "Holiday: Thanksgiving Day");
    }

    [Theory]
    [InlineData("2026-11-25T14:00:00-06:00")]
    [InlineData("2026-12-24T20:00:00-06:00")]
    [InlineData("2029-03-09T18:30:00-06:00")]
    [InlineData("2029-11-02T16:00:00-05:00")]
    [InlineData("2029-07-03T19:00:00-05:00")]
    public void Counted_windows_sum_to_the_24_hour_target_and_segments_leave_no_gap(string arrivalText)
    {
        var arrival = Utc(arrivalText);
        var deadline = FirstResponseDeadline.Compute(YearEnd, SlaPolicy.ProPlusDefault, arrival);
        var explanation = DeadlineExplanation.Explain(YearEnd, arrival, deadline.DueAt!.Value);

        Assert.Equal(TimeSpan.FromHours(24), explanation.CountedTime);
        Assert.Equal(arrival, explanation.Segments[0].Start);
        Assert.Equal(deadline.DueAt, explanation.Segments[^1].End);
        for (var i = 1; i < explanation.Segments.Count; i++)
        {
            Assert.Equal(explanation.Segments[i - 1].End, explanation.Segments[i].Start);
        }
    }

    [Fact]
    public void Arrival_while_closed_starts_with_a_pause_before_the_clock_starts()
    {
        var arrival = Utc("2026-03-10T05:00:00-05:00");
        var deadline = FirstResponseDeadline.Compute(NoHolidays, SlaPolicy.ProPlusDefault, arrival);
        var explanation = DeadlineExplanation.Explain(NoHolidays, arrival, deadline.DueAt!.Value);

        Assert.Equal(new TimelineSegment(arrival, deadline.ClockStartsAt, SegmentKind.Night, "Night"), explanation.Segments[0]);
    }
}
