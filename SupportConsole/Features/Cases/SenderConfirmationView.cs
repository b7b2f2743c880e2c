using SupportConsole.Data;

namespace SupportConsole.Features.Cases;

/// <summary>What the <c>/confirm/{token}</c> page shows: the case, and for a list change the lines it adds and removes.</summary>
public sealed record SenderConfirmationView(
    SenderConfirmationKind Kind,
    string CaseNumber,
    string Subject,
    string Address,
    IReadOnlyList<string> Additions,
    IReadOnlyList<string> Removals,
    DateTimeOffset? ConfirmedAt);
