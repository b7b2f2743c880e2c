namespace SupportConsole.Features.Cases;

public enum CaseChangeKind
{
    Created,
    CustomerMessage,
    Claimed,
    Released,
    Replied,
    NoteAdded,
    Escalated,
    StatusChanged,
    SeverityChanged,
    SlaStateChanged,

    /// <summary>A holiday or hours change moved the deadlines of many waiting cases at once (see <see cref="CaseChange.IsForAllCases"/>).</summary>
    DeadlinesMoved,
}
