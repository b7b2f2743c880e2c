namespace SupportConsole.Domain.Cases;

/// <summary>What take-next needs to know about an open Tier 1 case.</summary>
public sealed record TakeNextCandidate(
    long Id,
    long Number,
    CaseQueue Queue,
    CaseSeverity Severity,
    long ArrivalSequence,
    DateTimeOffset ReceivedAt,
    bool AwaitingFirstResponse,
    bool Unclaimed);
