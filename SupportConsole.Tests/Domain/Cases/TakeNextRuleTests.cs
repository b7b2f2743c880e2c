using SupportConsole.Domain.Cases;

namespace SupportConsole.Tests.Domain.Cases;

public sealed class TakeNextRuleTests
{
    private static readonly DateTimeOffset Tuesday0914Central = new(2026, 11, 17, 15, 14, 0, TimeSpan.Zero);

    // queue P/S, severity, arrival sequence; all unclaimed and awaiting a first response unless marked
    private static TakeNextCandidate C(long seq, char queue, int severity, bool claimed = false, bool answered = false) =>
        new(seq, 100_000 + seq, queue == 'P' ? CaseQueue.Priority : CaseQueue.Standard, (CaseSeverity)severity, seq,
            Tuesday0914Central.AddMinutes(seq), !answered, !claimed);

    public static TheoryData<string, TakeNextCandidate[], string?, long?> Cases => new()
    {
        { "oldest priority first, whatever the standard queue holds", [C(1, 'S', 1), C(2, 'P', 4), C(3, 'P', 1)], null, 2 },
        { "claimed and answered cases are skipped", [C(1, 'P', 2, claimed: true), C(2, 'P', 2, answered: true), C(3, 'P', 3)], null, 3 },
        { "standard only when no priority candidate", [C(1, 'P', 1, claimed: true), C(5, 'S', 3), C(4, 'S', 4)], null, 4 },
        { "nothing to take", [C(1, 'P', 1, claimed: true), C(2, 'S', 2, answered: true)], null, null },
        { "exception: severity 1 standard before severity 3-4 priority", [C(1, 'P', 3), C(2, 'P', 4), C(3, 'S', 1)], "standard<=1;priority>=3", 3 },
        { "exception does not overtake severity 1-2 priority", [C(4, 'P', 2), C(1, 'P', 3), C(3, 'S', 1)], "standard<=1;priority>=3", 4 },
        { "exception: standard severity 2 is not lifted by standard<=1", [C(1, 'P', 3), C(2, 'S', 2)], "standard<=1;priority>=3", 1 },
        { "exception: lifted standard cases keep arrival order", [C(9, 'S', 1), C(7, 'S', 2), C(8, 'P', 4)], "standard<=2;priority>=3", 7 },
        { "exception: overtaken priority still before ordinary standard", [C(1, 'S', 3), C(2, 'P', 4)], "standard<=1;priority>=3", 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Take_next_chooses_by_the_documented_rule(string why, TakeNextCandidate[] candidates, string? exceptionSetting, long? expected)
    {
        SeverityException.TryParse(exceptionSetting, out var exception);

        var choice = TakeNextRule.Choose(candidates, exception);

        Assert.True(expected == choice?.Case.ArrivalSequence, $"{why}: expected {expected}, got {choice?.Case.ArrivalSequence}");
    }

    [Fact]
    public void The_reason_names_the_rule_and_the_arrival_in_Central_time()
    {
        var choice = TakeNextRule.Choose([C(14, 'S', 3), C(20, 'P', 3)], null)!;
        Assert.Equal("Oldest unclaimed priority case awaiting a first response (arrived Tue 09:34 CST).", choice.Reason);

        var standard = TakeNextRule.Choose([C(0, 'S', 3)], null)!;
        Assert.StartsWith("No unclaimed priority case awaits a first response", standard.Reason);

        SeverityException.TryParse("standard<=1;priority>=3", out var exception);
        var lifted = TakeNextRule.Choose([C(1, 'P', 3), C(2, 'S', 1)], exception)!;
        Assert.StartsWith("Severity exception: a standard case of severity 1 goes ahead of priority cases of severity 3–4", lifted.Reason);
    }

    [Fact]
    public void The_exception_round_trips_through_its_setting_and_is_described_with_the_rule()
    {
        Assert.True(SeverityException.TryParse(" standard<=2; priority>=3 ", out var exception));
        Assert.Equal("standard<=2;priority>=3", exception!.ToSetting());
        Assert.EndsWith("Exception: a standard case of severity 1–2 goes ahead of priority cases of severity 3–4.", TakeNextRule.Describe(exception));
        Assert.Equal(TakeNextRule.DefaultText, TakeNextRule.Describe(null));
        Assert.False(SeverityException.TryParse("", out _));
        Assert.False(SeverityException.TryParse("standard<=5;priority>=3", out _));
    }
}
