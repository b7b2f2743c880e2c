namespace SupportConsole.Domain.Plans;

/// <summary>
/// A plan term: first and last day, both Central calendar dates and both inclusive. The one definition of
/// "the term is active on a date" that routing, pages, the API and the plan term jobs share.
/// </summary>
public readonly record struct TermDates(DateOnly Start, DateOnly End)
{
    public bool Includes(DateOnly date) => Start <= date && date <= End;

    public TermPhase PhaseOn(DateOnly date) => date < Start ? TermPhase.NotStarted : date > End ? TermPhase.Ended : TermPhase.Active;

    /// <summary>"active", "not started" or "ended", as pages say it.</summary>
    public string DescribeOn(DateOnly date) => PhaseOn(date) switch
    {
        TermPhase.Active => "active",
        TermPhase.NotStarted => "not started",
        _ => "ended",
    };
}
