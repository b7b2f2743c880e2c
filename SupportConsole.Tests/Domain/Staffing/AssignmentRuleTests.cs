using CsCheck;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Staffing;
using static SupportConsole.Tests.Domain.Staffing.Engineers;

namespace SupportConsole.Tests.Domain.Staffing;

/// <summary>
/// Who an escalation goes to and how the choice is explained. "Now" is Tue 2026-03-03 10:00 CST unless a scenario
/// says otherwise.
/// </summary>
public sealed class AssignmentRuleTests
{
    private static readonly DateTimeOffset Now = At("2026-03-03T10:00-06:00");

    // available: "now", an instant with its offset, or null (does not work within the look-ahead)
    private static EngineerCandidate C(string name, string? available, int open = 1, int load = 2, string? lastAssigned = null, int capacity = 8, string? id = null) =>
        new(id ?? name.ToLowerInvariant().Replace(' ', '.') + "@example.com", name,
            available is null ? null : available == "now" ? Now : At(available),
            open, capacity, load, lastAssigned is null ? null : At(lastAssigned));

    [Theory]
    [InlineData(CaseSeverity.Critical, 4)]
    [InlineData(CaseSeverity.High, 3)]
    [InlineData(CaseSeverity.Normal, 2)]
    [InlineData(CaseSeverity.Question, 1)]
    public void Severity_weights_the_load(CaseSeverity severity, int weight) => Assert.Equal(weight, AssignmentRule.Weight(severity));

    [Fact]
    public void An_unknown_severity_has_no_weight() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AssignmentRule.Weight((CaseSeverity)9));

    public static TheoryData<string, EngineerCandidate[], string, string> Choices => new()
    {
        {
            "the earliest start wins over a lower load",
            [C("Bea Baker", "now", open: 3, load: 6), C("Carl Cruz", "2026-03-03T13:00-06:00", open: 0, load: 0)],
            "bea.baker@example.com", "Bea Baker: available now, 3 open escalations, the only one available now"
        },
        {
            "a start in the past counts as now, so load decides",
            [C("Bea Baker", "2026-03-03T09:00-06:00", load: 5), C("Carl Cruz", "now", load: 2)],
            "carl.cruz@example.com", "Carl Cruz: available now, 1 open escalation, lowest load"
        },
        {
            "both start later: the first to start",
            [C("Bea Baker", "2026-03-04T09:00-06:00", load: 0), C("Carl Cruz", "2026-03-03T14:30-06:00", load: 9, open: 4)],
            "carl.cruz@example.com", "Carl Cruz: available Tue 14:30 CST, 4 open escalations, first to start"
        },
        {
            "capacity excludes someone who could start at once",
            [C("Bea Baker", "now", open: 8, load: 10), C("Carl Cruz", "2026-03-03T13:00-06:00", open: 2, load: 4)],
            "carl.cruz@example.com", "Carl Cruz: available Tue 13:00 CST, 2 open escalations, the only Tier 2 engineer under capacity"
        },
        {
            "over capacity (capacity lowered later) is at capacity too",
            [C("Bea Baker", "now", open: 9, load: 12), C("Carl Cruz", "now", open: 7, load: 14)],
            "carl.cruz@example.com", "Carl Cruz: available now, 7 open escalations, the only Tier 2 engineer under capacity"
        },
        {
            "equal starts and loads: the least recently assigned",
            [C("Bea Baker", "now", load: 4, lastAssigned: "2026-03-03T09:30-06:00"), C("Carl Cruz", "now", load: 4, lastAssigned: "2026-03-02T15:00-06:00")],
            "carl.cruz@example.com", "Carl Cruz: available now, 1 open escalation, equal load, least recently assigned"
        },
        {
            "never assigned goes before anyone assigned",
            [C("Carl Cruz", "now", lastAssigned: "2026-01-05T10:00-06:00"), C("Dana Diaz", "now", open: 0)],
            "dana.diaz@example.com", "Dana Diaz: available now, no open escalations, equal load, never assigned before"
        },
        {
            "then the name, ignoring case (ordinal would put Carl first)",
            [C("Carl", "now", id: "c@example.com"), C("ben", "now", id: "b@example.com")],
            "b@example.com", "ben: available now, 1 open escalation, equal load and last assignment, first by name"
        },
        {
            "then the id, for two people with one name",
            [C("Sam Lee", "now", id: "sam.lee2@example.com"), C("Sam Lee", "now", id: "sam.lee1@example.com")],
            "sam.lee1@example.com", "Sam Lee: available now, 1 open escalation, equal load, last assignment and name, first by id"
        },
        {
            "someone not working within the look-ahead is left out",
            [C("Bea Baker", null, open: 0, load: 0), C("Carl Cruz", "2026-03-09T09:00-05:00", load: 7)],
            "carl.cruz@example.com", "Carl Cruz: available Mon 09:00 CDT, 1 open escalation, the only Tier 2 engineer working in the next 30 days"
        },
        {
            "left out for both reasons",
            [C("Bea Baker", null), C("Carl Cruz", "now", open: 8), C("Dana Diaz", "now")],
            "dana.diaz@example.com", "Dana Diaz: available now, 1 open escalation, the only Tier 2 engineer under capacity and working in the next 30 days"
        },
        {
            "a start more than a week off carries its date",
            [C("Carl Cruz", "2026-03-16T09:00-05:00")],
            "carl.cruz@example.com", "Carl Cruz: available Mon 2026-03-16 09:00 CDT, 1 open escalation, the only Tier 2 engineer"
        },
        {
            "the runner-up, not the last one read, decides the reason",
            [C("Ann Ames", "now", load: 9), C("Bea Baker", "now", load: 3), C("Carl Cruz", "now", load: 3, lastAssigned: "2026-03-01T10:00-06:00")],
            "bea.baker@example.com", "Bea Baker: available now, 1 open escalation, equal load, never assigned before"
        },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void Choose_follows_the_documented_order_and_says_why(string why, EngineerCandidate[] candidates, string expectedId, string expectedExplanation)
    {
        var decision = AssignmentRule.Choose(candidates, SupportTier.Tier2, Now);

        Assert.True(expectedId == decision.Engineer?.Id, $"{why}: got {decision.Engineer?.Id}");
        Assert.Equal(expectedExplanation, decision.Explanation);

        // The same desk read in another order gives the same engineer and the same words.
        var reversed = AssignmentRule.Choose([.. candidates.Reverse()], SupportTier.Tier2, Now);
        Assert.Equal(decision, reversed);
    }

    public static TheoryData<string, EngineerCandidate[], SupportTier, string> Nobodies => new()
    {
        {
            "everyone at capacity",
            [C("Carl Cruz", "now", open: 8), C("Bea Baker", "now", open: 8)],
            SupportTier.Tier2,
            "Nobody yet: every Tier 2 engineer is at capacity (Bea Baker 8/8, Carl Cruz 8/8); it is assigned when one frees up"
        },
        {
            "nobody works in the look-ahead",
            [C("Bea Baker", null), C("Carl Cruz", null)],
            SupportTier.Tier3,
            "Nobody yet: no Tier 3 engineer works in the next 30 days"
        },
        {
            "some at capacity, the others away",
            [C("Carl Cruz", null), C("Bea Baker", "now", open: 6, capacity: 6), C("Ann Ames", null)],
            SupportTier.Tier2,
            "Nobody yet: every Tier 2 engineer is at capacity (Bea Baker 6/6) or does not work in the next 30 days (Ann Ames, Carl Cruz); it is assigned when one can take it"
        },
        {
            "a capacity of zero takes nothing",
            [C("Bea Baker", "now", open: 0, capacity: 0)],
            SupportTier.Tier2,
            "Nobody yet: every Tier 2 engineer is at capacity (Bea Baker 0/0); it is assigned when one frees up"
        },
        {
            "a long list is cut short",
            [.. "GFEDCBA".Select(n => C($"Eng {n}", "now", open: 8))],
            SupportTier.Tier2,
            "Nobody yet: every Tier 2 engineer is at capacity (Eng A 8/8, Eng B 8/8, Eng C 8/8, Eng D 8/8, Eng E 8/8 and 2 more); it is assigned when one frees up"
        },
        {
            "no engineer at all",
            [],
            SupportTier.Tier3,
            "Nobody yet: there is no Tier 3 engineer; it is assigned when one is added"
        },
    };

    [Theory]
    [MemberData(nameof(Nobodies))]
    public void When_nobody_can_take_it_the_explanation_says_why(string why, EngineerCandidate[] candidates, SupportTier tier, string expected)
    {
        var decision = AssignmentRule.Choose(candidates, tier, Now);

        Assert.True(decision.Engineer is null, why);
        Assert.Equal(expected, decision.Explanation);
    }

    [Fact]
    public void A_fraction_of_a_second_does_not_split_available_now()
    {
        var now = At("2026-03-03T10:00:00.400-06:00");
        EngineerCandidate[] candidates =
        [
            C("Bea Baker", "2026-03-03T10:00:00.900-06:00", load: 1),
            C("Carl Cruz", "2026-03-03T09:00-06:00", load: 5),
        ];

        var decision = AssignmentRule.Choose(candidates, SupportTier.Tier2, now);

        Assert.Equal("Bea Baker: available now, 1 open escalation, lowest load", decision.Explanation);
    }

    [Fact]
    public void Null_input_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => AssignmentRule.Choose(null!, SupportTier.Tier2, Now));
        Assert.Throws<ArgumentException>(() => AssignmentRule.Choose([C("Bea Baker", "now"), null!], SupportTier.Tier2, Now));
    }

    // ---- The rule over real schedules: availability from hours, time off and the calendar ----

    private static EngineerCandidate Engineer(string name, EngineerSchedule schedule, DateTimeOffset now, int load, TierCalendar? calendar = null) =>
        new(name.ToLowerInvariant() + "@example.com", name,
            EngineerAvailability.EarliestStart(calendar ?? Holidays2026, SupportTier.Tier2, schedule, now, AssignmentRule.LookAhead),
            load / 2, 8, load, null);

    [Fact]
    public void Time_off_makes_the_lighter_engineer_start_later_so_the_busier_one_takes_it()
    {
        var away = Away(Off("2026-03-03T08:00-06:00", "2026-03-05T00:00-06:00", "conference"));

        var withoutLeave = AssignmentRule.Choose([Engineer("Bea", WholeWindow, Now, load: 2), Engineer("Carl", WholeWindow, Now, load: 6)], SupportTier.Tier2, Now);
        var withLeave = AssignmentRule.Choose([Engineer("Bea", away, Now, load: 2), Engineer("Carl", WholeWindow, Now, load: 6)], SupportTier.Tier2, Now);

        Assert.Equal("Bea: available now, 1 open escalation, lowest load", withoutLeave.Explanation);
        Assert.Equal("Carl: available now, 3 open escalations, the only one available now", withLeave.Explanation);
    }

    [Fact]
    public void Hours_that_start_later_in_the_day_lose_to_someone_working_now()
    {
        var afternoons = Schedule(Hours("mon 13:00-17:00", "tue 13:00-17:00", "wed 13:00-17:00", "thu 13:00-17:00", "fri 13:00-17:00"));

        var decision = AssignmentRule.Choose([Engineer("Bea", afternoons, Now, load: 0), Engineer("Carl", WholeWindow, Now, load: 8)], SupportTier.Tier2, Now);

        Assert.Equal("Carl: available now, 4 open escalations, the only one available now", decision.Explanation);
    }

    [Fact]
    public void At_friday_evening_everyone_starts_monday_at_nine_so_load_decides()
    {
        var friday = At("2026-03-06T18:00-06:00");

        var decision = AssignmentRule.Choose([Engineer("Carl", WholeWindow, friday, load: 6), Engineer("Bea", WholeWindow, friday, load: 2)], SupportTier.Tier2, friday);

        Assert.Equal(At("2026-03-09T09:00-05:00"), decision.Engineer!.AvailableFrom);
        Assert.Equal("Bea: available Mon 09:00 CDT, 1 open escalation, lowest load", decision.Explanation);
    }

    [Fact]
    public void A_holiday_monday_moves_the_start_to_tuesday()
    {
        var friday = At("2026-09-04T18:00-05:00");

        var decision = AssignmentRule.Choose([Engineer("Bea", WholeWindow, friday, load: 2)], SupportTier.Tier2, friday);

        Assert.Equal(At("2026-09-08T09:00-05:00"), decision.Engineer!.AvailableFrom);
        Assert.Equal("Bea: available Tue 09:00 CDT, 1 open escalation, the only Tier 2 engineer", decision.Explanation);
    }

    [Fact]
    public void Someone_who_works_mondays_only_beats_a_lighter_colleague_away_on_monday()
    {
        var friday = At("2026-03-06T18:00-06:00");
        var mondays = Schedule(Hours("mon 09:00-12:00"));
        var awayMonday = Away(Off("2026-03-09T00:00-05:00", "2026-03-10T00:00-05:00", "dentist"));

        var decision = AssignmentRule.Choose([Engineer("Bea", awayMonday, friday, load: 0), Engineer("Carl", mondays, friday, load: 10)], SupportTier.Tier2, friday);

        Assert.Equal("Carl: available Mon 09:00 CDT, 5 open escalations, first to start", decision.Explanation);
    }

    [Fact]
    public void Leave_longer_than_the_look_ahead_leaves_nobody()
    {
        var longLeave = Away(Off("2026-03-01T00:00-06:00", "2026-06-01T00:00-05:00", "parental leave"));

        var decision = AssignmentRule.Choose([Engineer("Bea", longLeave, Now, load: 0)], SupportTier.Tier3, Now);

        Assert.Null(decision.Engineer);
        Assert.Equal("Nobody yet: no Tier 3 engineer works in the next 30 days", decision.Explanation);
    }

    // ---- Properties ----

    private static readonly string[] Names = ["Ann", "ann", "Bob", "bob", "Cy"];
    private static readonly int[] StartOffsetsMinutes = [-90, -1, 0, 0, 1, 30, 600, 4000];

    // Few names and starts, so ties on every key are common; ids are unique, so the order is total.
    private static readonly Gen<EngineerCandidate[]> Desks =
        Gen.Select(Gen.Int[0, Names.Length - 1], Gen.Int[-1, StartOffsetsMinutes.Length - 1], Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[0, 6], Gen.Int[-1, 3],
                (name, start, open, capacity, load, last) => new EngineerCandidate(
                    "",
                    Names[name],
                    start < 0 ? null : Now.AddMinutes(StartOffsetsMinutes[start]),
                    open,
                    capacity,
                    load,
                    last < 0 ? null : Now.AddDays(-last)))
            .Array[0, 12]
            .Select(desk => desk.Select((c, i) => c with { Id = $"e{i:00}@example.com" }).ToArray());

    [Fact]
    public void The_choice_is_the_first_of_the_documented_order_whatever_order_the_desk_is_read_in()
    {
        Desks.SelectMany(desk => Gen.Shuffle(desk).Select(shuffled => (desk, shuffled))).Sample(pair =>
        {
            var (desk, shuffled) = pair;
            var expected = desk
                .Where(c => c.OpenEscalations < c.Capacity && c.AvailableFrom is not null)
                .OrderBy(c => c.AvailableFrom < Now ? Now : c.AvailableFrom)
                .ThenBy(c => c.WeightedLoad)
                .ThenBy(c => c.LastAssignedAt ?? DateTimeOffset.MinValue)
                .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .FirstOrDefault();

            var decision = AssignmentRule.Choose(desk, SupportTier.Tier2, Now);

            Assert.Equal(expected, decision.Engineer);
            Assert.Equal(decision, AssignmentRule.Choose(shuffled, SupportTier.Tier2, Now));
            Assert.StartsWith(expected is null ? "Nobody yet: " : $"{expected.Name}: available ", decision.Explanation);
        }, iter: 5_000);
    }
}
