using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Cases;

/// <summary>A case's open escalation as the API shows it: who, when, why, to whom and why them, and its pickup clock.</summary>
public sealed record EscalationDto(int Tier, string Reason, string EscalatedAt, string? EscalatedBy, string? Assignee, string AssignedBecause, string PickupDueAt, string? PickedUpAt)
{
    public static EscalationDto Of(Escalation e, IReadOnlyDictionary<string, string> emails) => new(
        e.Tier.Number(), e.Reason, ApiFormat.Instant(e.EscalatedAtUtc.AsInstant()), emails.GetValueOrDefault(e.EscalatedById),
        e.AssigneeId is null ? null : emails.GetValueOrDefault(e.AssigneeId), e.AssignedBecause,
        ApiFormat.Instant(e.PickupDueAtUtc.AsInstant()), ApiFormat.Instant(e.PickedUpAtUtc.AsInstant()));
}
