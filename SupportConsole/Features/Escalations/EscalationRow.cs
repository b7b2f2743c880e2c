using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Plans;

namespace SupportConsole.Features.Escalations;

/// <summary>One open escalation as an engineer decides on it.</summary>
public sealed record EscalationRow(
    long CaseId, long Number, string Subject, SupportTier Tier, CaseSeverity Severity, CaseStatus Status,
    string? CustomerName, SupportPlan? Plan, string Reason, string EscalatedById, string EscalatedByName, DateTimeOffset EscalatedAt,
    string? AssigneeId, string? AssigneeName, string AssignedBecause, DateTimeOffset PickupDueAt, DateTimeOffset? PickupAtRiskAt,
    DateTimeOffset? PickedUpAt, bool CustomerReplied);
