using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Cases;

/// <summary>One case in the search page's results.</summary>
public sealed record CaseSearchRow(
    long Number, string Subject, string? Customer, string Sender, CaseStatus Status, CaseQueue Queue, SupportTier Tier, string? Assignee, DateTimeOffset ReceivedAt,
    bool CustomerReplied = false);
