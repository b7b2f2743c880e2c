using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Features.Queues;

/// <summary>One open Tier 1 case as the queue grid shows it (immutable; shared by every open queue page).</summary>
public sealed record QueueRow(
    long Id,
    long Number,
    long ArrivalSequence,
    CaseQueue Queue,
    DateTimeOffset ReceivedAt,
    string? CustomerName,
    string FromName,
    string FromAddress,
    string Subject,
    CaseSeverity Severity,
    CaseStatus Status,
    string? AssigneeId,
    string? AssigneeName,
    FirstResponseDeadline Deadline,
    DateTimeOffset? FirstRespondedAt)
{
    public bool AwaitingFirstResponse => FirstRespondedAt is null;

    public bool Unclaimed => AssigneeId is null;

    public TakeNextCandidate AsCandidate() => new(Id, Number, Queue, Severity, ArrivalSequence, ReceivedAt, AwaitingFirstResponse, Unclaimed);
}

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
