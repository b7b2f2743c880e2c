using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Plans;
using SupportConsole.Domain.Sla;
using static SupportConsole.Tests.Domain.Calendar.Calendars;

namespace SupportConsole.Tests.Domain.Sla;

public sealed class FirstResponseSlaTests
{
    // Monday 2029-03-05 07:00 CST arrival: at risk Tue 15:00 CST, due Tue 19:00 CST.
    private static readonly FirstResponseDeadline MondayCase =
        FirstResponseDeadline.Compute(WorkedExamples, SlaPolicy.ProPlusDefault, Utc("2029-03-05T07:00:00-06:00"));

    // Saturday arrival: the clock waits for Monday 07:00 CDT.
    private static readonly FirstResponseDeadline SaturdayCase =
        FirstResponseDeadline.Compute(WorkedExamples, SlaPolicy.ProPlusDefault, Utc("2029-03-10T10:00:00-06:00"));

    [Fact]
    public void Pro_plus_case_is_at_risk_four_business_hours_before_due()
    {
        Assert.Equal(Utc("2029-03-06T15:00:00-06:00"), MondayCase.AtRiskAt);
        Assert.Equal(Utc("2029-03-06T19:00:00-06:00"), MondayCase.DueAt);
    }

    [Fact]
    public void At_risk_lead_running_over_a_night_lands_in_the_previous_window()
    {
        // Due Tue 09:00 → 4 business hours earlier is Mon 17:00, not Tue 05:00.
        var deadline = FirstResponseDeadline.Compute(NoHolidays, SlaPolicy.ProPlusDefault, Utc("2029-03-07T09:00:00-06:00"));
        Assert.Equal(Utc("2029-03-09T09:00:00-06:00"), deadline.DueAt);
        Assert.Equal(Utc("2029-03-08T17:00:00-06:00"), deadline.AtRiskAt);
    }

    [Fact]
    public void Free_support_has_no_commitment_unless_configured()
    {
        var policies = SlaPolicies.Default;
        Assert.Null(policies.For(SupportPlan.FreeSupport).FirstResponseTarget);
        Assert.Equal(TimeSpan.FromHours(24), policies.For(SupportPlan.ProPlus).FirstResponseTarget);
        Assert.Equal(TimeSpan.FromHours(4), policies.For(CaseQueue.Priority).AtRiskBefore);
        Assert.Same(policies.For(CaseQueue.Standard), policies.For(SupportPlan.FreeSupport));

        var free = FirstResponseDeadline.Compute(WorkedExamples, policies.For(SupportPlan.FreeSupport), Utc("2029-03-10T10:00:00-06:00"));
        Assert.Equal(Utc("2029-03-12T07:00:00-05:00"), free.ClockStartsAt);
        Assert.Null(free.DueAt);
        Assert.Null(free.AtRiskAt);
        Assert.Equal(SlaState.None, SlaClock.Evaluate(free, null, Utc("2030-01-01T00:00:00Z")));
        Assert.Null(SlaClock.RemainingBusinessTime(WorkedExamples, free, Utc("2029-03-12T12:00:00Z")));

        var configured = policies with { Standard = new SlaPolicy(TimeSpan.FromHours(48), TimeSpan.FromHours(8)) };
        var standard = FirstResponseDeadline.Compute(WorkedExamples, configured.For(CaseQueue.Standard), Utc("2029-03-05T07:00:00-06:00"));
        Assert.Equal(Utc("2029-03-08T19:00:00-06:00"), standard.DueAt);
        Assert.Equal(Utc("2029-03-08T11:00:00-06:00"), standard.AtRiskAt);
    }

    [Fact]
    public void At_risk_lead_longer_than_the_target_means_at_risk_from_clock_start()
    {
        var deadline = FirstResponseDeadline.Compute(NoHolidays, new SlaPolicy(TimeSpan.FromHours(2), TimeSpan.FromHours(4)), Utc("2029-03-10T10:00:00-06:00"));
        Assert.Equal(deadline.ClockStartsAt, deadline.AtRiskAt);
        Assert.Equal(Utc("2029-03-12T09:00:00-05:00"), deadline.DueAt);
    }

    public static TheoryData<string, string?, SlaState> SaturdayCaseStates => new()
    {
        { "2029-03-10T12:00:00-06:00", null, SlaState.Pending },
        { "2029-03-12T06:59:59-05:00", null, SlaState.Pending },
        { "2029-03-12T07:00:00-05:00", null, SlaState.Running },
        { "2029-03-13T14:59:59-05:00", null, SlaState.Running },
        { "2029-03-13T15:00:00-05:00", null, SlaState.AtRisk },
        { "2029-03-13T19:00:00-05:00", null, SlaState.AtRisk },
        { "2029-03-13T19:00:00.900-05:00", null, SlaState.AtRisk },
        { "2029-03-13T19:00:01-05:00", null, SlaState.Breached },
        { "2029-03-20T10:00:00-05:00", null, SlaState.Breached },
        { "2029-03-20T10:00:00-05:00", "2029-03-10T12:00:00-06:00", SlaState.Met },
        { "2029-03-20T10:00:00-05:00", "2029-03-13T19:00:00-05:00", SlaState.Met },
        { "2029-03-20T10:00:00-05:00", "2029-03-13T19:00:01-05:00", SlaState.MetLate },
        { "2029-03-12T08:00:00-05:00", "2029-03-12T07:30:00-05:00", SlaState.Met },
    };

    [Theory]
    [MemberData(nameof(SaturdayCaseStates))]
    public void Sla_state_moves_from_pending_to_running_to_at_risk_to_breached_and_a_reply_settles_it(string now, string? firstResponse, SlaState expected)
    {
        Assert.Equal(Utc("2029-03-13T15:00:00-05:00"), SaturdayCase.AtRiskAt);
        Assert.Equal(expected, SlaClock.Evaluate(SaturdayCase, firstResponse is null ? null : Utc(firstResponse), Utc(now)));
        Assert.Equal(expected, SaturdayCase.StateAt(firstResponse is null ? null : Utc(firstResponse), Utc(now)));
    }

    [Fact]
    public void Recalculating_a_breached_case_does_not_change_its_deadline_or_state()
    {
        var arrival = Utc("2029-03-10T10:00:00-06:00");
        var now = Utc("2029-03-14T12:00:00Z");
        var again = FirstResponseDeadline.Compute(WorkedExamples, SlaPolicy.ProPlusDefault, arrival);
        var rebuilt = FirstResponseDeadline.Compute(TierCalendar.Default(WorkedExamples.Holidays), SlaPolicy.ProPlusDefault, arrival);

        Assert.Equal(SaturdayCase, again);
        Assert.Equal(SaturdayCase, rebuilt);
        Assert.Equal(SlaState.Breached, SlaClock.Evaluate(rebuilt, null, now));
    }

    [Fact]
    public void Remaining_business_time_counts_down_only_in_windows_and_goes_negative_when_breached()
    {
        Assert.Equal(TimeSpan.FromHours(24), SlaClock.RemainingBusinessTime(WorkedExamples, SaturdayCase, Utc("2029-03-10T12:00:00-06:00")));
        Assert.Equal(TimeSpan.FromHours(13), SlaClock.RemainingBusinessTime(WorkedExamples, SaturdayCase, Utc("2029-03-12T18:00:00-05:00")));
        Assert.Equal(TimeSpan.FromHours(12), SlaClock.RemainingBusinessTime(WorkedExamples, SaturdayCase, Utc("2029-03-13T03:00:00-05:00")));
        Assert.Equal(TimeSpan.Zero, SlaClock.RemainingBusinessTime(WorkedExamples, SaturdayCase, Utc("2029-03-13T19:00:00-05:00")));
        Assert.Equal(TimeSpan.FromHours(-1), SlaClock.RemainingBusinessTime(WorkedExamples, SaturdayCase, Utc("2029-03-14T08:00:00-05:00")));
    }

    [Theory]
    [InlineData(SlaState.Pending, "pending")]
    [InlineData(SlaState.Running, "running")]
    [InlineData(SlaState.AtRisk, "at-risk")]
    [InlineData(SlaState.Breached, "breached")]
    [InlineData(SlaState.Met, "met")]
    [InlineData(SlaState.MetLate, "met-late")]
    [InlineData(SlaState.None, "none")]
    public void Sla_state_has_its_api_name(SlaState state, string apiName)
    {
        Assert.Equal(apiName, state.ToApiName());
        Assert.True(SlaStateNames.TryParseApiName(apiName, out var parsed));
        Assert.Equal(state, parsed);
    }

    [Fact]
    public void Policies_refuse_nonsense_targets()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaPolicy(TimeSpan.Zero, TimeSpan.FromHours(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaPolicy(TimeSpan.FromHours(24), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void Computing_a_deadline_allocates_nothing()
    {
        var arrivals = Enumerable.Range(0, 10_000).Select(i => Utc("2026-01-01T00:00:00Z").AddSeconds(i * 9_973L)).ToArray();
        var calendar = WorkedExamples;
        var policy = SlaPolicy.ProPlusDefault;
        long checksum = 0;
        foreach (var arrival in arrivals)
        {
            checksum += FirstResponseDeadline.Compute(calendar, policy, arrival).DueAt!.Value.Ticks;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var arrival in arrivals)
        {
            checksum += FirstResponseDeadline.Compute(calendar, policy, arrival).DueAt!.Value.Ticks;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum);
    }
}
