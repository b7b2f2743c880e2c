using SupportConsole.Data;

namespace SupportConsole.Features.Cases;

/// <summary>What the case page shows of a list change request, and whether this agent may approve it.</summary>
public sealed record ListChangeView(
    long Id,
    ListChangeStatus Status,
    string Requester,
    long? CustomerId,
    string? CustomerName,
    string? PrimaryContact,
    IReadOnlyList<string> Additions,
    IReadOnlyList<string> Removals,
    IReadOnlyList<string> Unrecognized,
    bool CanApprove,
    string? WhyNot,
    string? DecidedBy,
    DateTime? DecidedAtUtc,
    string? DecisionNote,
    string Verification,
    bool NeedsConfirmation);
