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
    DateTimeOffset? FirstRespondedAt,
    string RoutingReason = "",
    DateTimeOffset? CustomerRepliedAt = null)
{
    public bool AwaitingFirstResponse => FirstRespondedAt is null;

    public bool Unclaimed => AssigneeId is null;

    /// <summary>The customer wrote in since the assignee last answered or opened the case.</summary>
    public bool CustomerReplied => CustomerRepliedAt is not null;

    public TakeNextCandidate AsCandidate() => new(Id, Number, Queue, Severity, ArrivalSequence, ReceivedAt, AwaitingFirstResponse, Unclaimed);
}
