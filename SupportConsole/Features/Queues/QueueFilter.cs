using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Queues;

/// <summary>The grid's filters; all off shows the whole queue.</summary>
public sealed record QueueFilter(bool Mine = false, bool Unassigned = false, bool AwaitingFirstResponse = false, CaseSeverity? Severity = null)
{
    public bool IsEmpty => !Mine && !Unassigned && !AwaitingFirstResponse && Severity is null;

    public bool Matches(QueueRow row, string? me) =>
        (!Mine || (me is not null && row.AssigneeId == me))
        && (!Unassigned || row.AssigneeId is null)
        && (!AwaitingFirstResponse || row.AwaitingFirstResponse)
        && (Severity is null || row.Severity == Severity);
}
