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

    /// <summary>The case moved to another queue after it arrived (a web-form sender confirmed a listed address); its deadline was derived again.</summary>
    Rerouted,

    /// <summary>The assignee opened a case the customer had written into: its "customer replied" mark is cleared.</summary>
    CustomerReplySeen,
}
