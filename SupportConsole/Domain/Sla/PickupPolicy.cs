using SupportConsole.Domain.Calendar;

namespace SupportConsole.Domain.Sla;

/// <summary>
/// The Tier 2-3 clock: an escalation is to be picked up within <see cref="Target"/> of Tier 2-3 business time, and is
/// at risk <see cref="AtRiskBefore"/> before that. Counted in the Tier 2-3 window, as first responses are in Tier 1's.
/// </summary>
public sealed record PickupPolicy(TimeSpan Target, TimeSpan AtRiskBefore)
{
    /// <summary>Four Tier 2-3 hours, at risk one hour before.</summary>
    public static PickupPolicy Default { get; } = new(TimeSpan.FromHours(4), TimeSpan.FromHours(1));

    /// <summary>When an escalation made at <paramref name="escalatedAt"/> is at risk and due.</summary>
    public (DateTimeOffset AtRiskAt, DateTimeOffset DueAt) DeadlinesFor(TierCalendar calendar, SupportTier tier, DateTimeOffset escalatedAt)
    {
        var due = calendar.AddBusinessTime(tier, escalatedAt, Target);
        var atRisk = AtRiskBefore >= Target ? calendar.ClockStart(tier, escalatedAt) : calendar.AddBusinessTime(tier, escalatedAt, Target - AtRiskBefore);
        return (atRisk, due);
    }
}
