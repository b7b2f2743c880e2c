using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Reports;

namespace SupportConsole.Features.Reports;

/// <summary>One escalation behind a pickup figure: its case, when it was escalated, when pickup was due and happened, and its outcome.</summary>
public sealed record PickupCase(
    long Number,
    string Subject,
    string? Customer,
    SupportTier Tier,
    DateTimeOffset EscalatedAt,
    DateTimeOffset PickupDueAt,
    DateTimeOffset? PickedUpAt,
    string? Engineer,
    SlaOutcome Outcome);
