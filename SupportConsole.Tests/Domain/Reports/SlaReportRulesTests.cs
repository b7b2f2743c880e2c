using SupportConsole.Domain.Reports;
using static SupportConsole.Tests.Domain.Calendar.Calendars;

namespace SupportConsole.Tests.Domain.Reports;

public sealed class SlaReportRulesTests
{
    // Due Tue 2029-03-06 19:00 CST.
    private static readonly DateTimeOffset Due = Utc("2029-03-07T01:00:00Z");

    public static TheoryData<string?, string, SlaOutcome> Outcomes => new()
    {
        // responded at, now, outcome
        { "2029-03-07T01:00:00Z", "2029-03-08T00:00:00Z", SlaOutcome.Met },       // at the exact due second
        { "2029-03-05T14:00:00Z", "2029-03-05T15:00:00Z", SlaOutcome.Met },       // early
        { "2029-03-07T01:00:01Z", "2029-03-08T00:00:00Z", SlaOutcome.Missed },    // one second late
        { "2029-03-09T12:00:00Z", "2029-03-01T00:00:00Z", SlaOutcome.Missed },    // late, whatever "now" says
        { null, "2029-03-07T01:00:01Z", SlaOutcome.Missed },                      // no reply, due passed (open, or closed without reply)
        { null, "2030-01-01T00:00:00Z", SlaOutcome.Missed },
        { null, "2029-03-07T01:00:00Z", SlaOutcome.Pending },                     // at due exactly it can still be met
        { null, "2029-03-06T12:00:00Z", SlaOutcome.Pending },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Case_is_met_missed_or_pending_by_its_first_response_and_due(string? respondedAt, string now, SlaOutcome expected)
    {
        Assert.Equal(expected, SlaReportRules.Classify(Due, respondedAt is null ? null : Utc(respondedAt), Utc(now)));
    }

    [Fact]
    public void Fractions_of_a_second_do_not_make_a_response_at_due_late()
    {
        Assert.Equal(SlaOutcome.Met, SlaReportRules.Classify(Due, Due.AddMilliseconds(900), Due.AddDays(1)));
        Assert.Equal(SlaOutcome.Pending, SlaReportRules.Classify(Due, null, Due.AddMilliseconds(900)));
    }

    public static TheoryData<string, string> ReportDates => new()
    {
        // due instant (UTC), its Central date
        { "2029-03-11T05:30:00Z", "2029-03-10" },   // Sat 23:30 CST, the night DST begins (with CDT's offset it would read Sunday)
        { "2029-03-11T06:30:00Z", "2029-03-11" },   // Sun 00:30 CST
        { "2029-03-12T04:30:00Z", "2029-03-11" },   // Sun 23:30 CDT (with CST's offset it would read Sunday 22:30, same date)
        { "2029-03-12T05:30:00Z", "2029-03-12" },   // Mon 00:30 CDT (with CST's offset it would still be Sunday)
        { "2029-11-04T05:30:00Z", "2029-11-04" },   // Sun 00:30 CDT, the night DST ends (with CST's offset it would be Saturday)
        { "2029-11-05T05:30:00Z", "2029-11-04" },   // Sun 23:30 CST
        { "2029-11-05T06:00:00Z", "2029-11-05" },   // Mon 00:00 CST exactly
    };

    [Theory]
    [MemberData(nameof(ReportDates))]
    public void Case_belongs_to_the_range_of_the_central_date_of_its_due_instant_across_dst(string dueAt, string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(day, SlaReportRules.ReportDateOf(Utc(dueAt)));
        Assert.True(SlaReportRules.InRange(Utc(dueAt), day, day.AddDays(1)));
        Assert.False(SlaReportRules.InRange(Utc(dueAt), day.AddDays(1), day.AddDays(8)));
        Assert.False(SlaReportRules.InRange(Utc(dueAt), day.AddDays(-7), day));
    }

    [Fact]
    public void Percentiles_of_one_value_are_that_value()
    {
        long[] one = [42];

        Assert.Equal(42, SlaReportRules.Percentile(one, 50));
        Assert.Equal(42, SlaReportRules.Percentile(one, 90));
        Assert.Equal(42, SlaReportRules.Percentile(one, 99));
    }

    [Fact]
    public void Percentiles_of_two_values_take_the_nearest_rank_not_an_average()
    {
        long[] two = [10, 20];

        Assert.Equal(10, SlaReportRules.Percentile(two, 50));
        Assert.Equal(20, SlaReportRules.Percentile(two, 90));
        Assert.Equal(20, SlaReportRules.Percentile(two, 99));
    }

    [Fact]
    public void Percentiles_of_a_hundred_values_are_the_ranked_values()
    {
        var hundred = Enumerable.Range(1, 100).Select(i => (long)i * 60).ToList();

        Assert.Equal(50 * 60, SlaReportRules.Percentile(hundred, 50));
        Assert.Equal(90 * 60, SlaReportRules.Percentile(hundred, 90));
        Assert.Equal(99 * 60, SlaReportRules.Percentile(hundred, 99));
        Assert.Equal(100 * 60, SlaReportRules.Percentile(hundred, 100));
    }

    [Fact]
    public void Percentile_of_nothing_is_null()
    {
        Assert.Null(SlaReportRules.Percentile([], 50));
        Assert.Equal(0, SlaReportRules.NearestRank(50, 0));
    }

    [Theory]
    [InlineData(50, 3, 2)]
    [InlineData(90, 3, 3)]
    [InlineData(99, 101, 100)]
    [InlineData(90, 10, 9)]
    [InlineData(90, 11, 10)]
    public void Nearest_rank_is_the_ceiling_of_q_times_n(int percent, long count, long rank)
    {
        Assert.Equal(rank, SlaReportRules.NearestRank(percent, count));
        Assert.Equal((long)Math.Ceiling(percent * count / 100.0), SlaReportRules.NearestRank(percent, count));
    }

    [Theory]
    [InlineData(3, 1, 0.75)]
    [InlineData(0, 4, 0.0)]
    [InlineData(5, 0, 1.0)]
    public void Compliance_is_met_over_met_and_missed(long met, long missed, double expected)
    {
        Assert.Equal(expected, SlaReportRules.Compliance(met, missed));
    }

    [Fact]
    public void Compliance_without_met_or_missed_cases_is_null_not_a_hundred_percent()
    {
        Assert.Null(SlaReportRules.Compliance(0, 0));
    }

    [Fact]
    public void Response_time_counts_tier1_business_seconds_from_clock_start()
    {
        // Clock starts Fri 2029-03-09 18:30 CST; answered Mon 03-12 07:30 CDT: 30 minutes Friday + 30 minutes Monday.
        var seconds = SlaReportRules.ResponseBusinessSeconds(WorkedExamples, Utc("2029-03-10T00:30:00Z"), Utc("2029-03-12T12:30:00Z"));

        Assert.Equal(3600, seconds);
        Assert.Equal(0, SlaReportRules.ResponseBusinessSeconds(WorkedExamples, Utc("2029-03-10T00:30:00Z"), Utc("2029-03-10T00:00:00Z")));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("2027-01-01", "2026-12-28")]
    public void Report_weeks_start_on_monday(string date, string monday)
    {
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), SlaReportRules.WeekOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(ReportPeriod.Last7Days, "2026-11-19", "2026-11-26")]
    [InlineData(ReportPeriod.Last30Days, "2026-10-27", "2026-11-26")]
    [InlineData(ReportPeriod.Last90Days, "2026-08-28", "2026-11-26")]
    [InlineData(ReportPeriod.ThisQuarter, "2026-10-01", "2027-01-01")]
    public void Preset_ranges_end_with_today_included(ReportPeriod period, string from, string to)
    {
        var range = ReportRange.For(period, new DateOnly(2026, 11, 25));

        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), range.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), range.To);
    }
}
