using SupportConsole.Domain.Calendar;

namespace SupportConsole.Components.Sla;

/// <summary>How an escalation's Tier 2-3 pickup clock reads, in words and a tone for its colour (as <see cref="SlaBadge"/> does for Tier 1).</summary>
public sealed record PickupBadge(string Text, string Tone, string Tooltip)
{
    public static PickupBadge For(TierCalendar calendar, SupportTier tier, DateTimeOffset dueAt, DateTimeOffset? atRiskAt, DateTimeOffset? pickedUpAt, DateTimeOffset now)
    {
        var tooltip = $"Pickup due {TierCalendar.FormatCentral(dueAt)} (Tier 2-3 time)";
        if (pickedUpAt is { } at)
        {
            return at <= dueAt
                ? new PickupBadge($"picked up {SlaBadge.ShortInstant(at)}", "met", tooltip)
                : new PickupBadge($"picked up late {SlaBadge.ShortInstant(at)}", "late", tooltip);
        }
        if (now > dueAt)
        {
            return new PickupBadge($"pickup breached {Durations.Short(calendar.BusinessTimeBetween(tier, dueAt, now))} ago of Tier 2-3 time", "breached", tooltip);
        }
        var left = calendar.BusinessTimeBetween(tier, now, dueAt);
        if (!calendar.IsOpen(tier, now))
        {
            return new PickupBadge($"paused · {Durations.Short(left)} of Tier 2-3 time left, resumes {SlaBadge.ShortInstant(calendar.NextOpening(tier, now))}", "paused", tooltip);
        }
        return atRiskAt is { } risk && now >= risk
            ? new PickupBadge($"pickup at risk · {Durations.Short(left)} of Tier 2-3 time left", "at-risk", tooltip)
            : new PickupBadge($"pick up within {Durations.Short(left)} of Tier 2-3 time", "running", tooltip);
    }
}
