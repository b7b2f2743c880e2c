using System.Globalization;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;
using static SupportConsole.Components.Sla.Durations;

namespace SupportConsole.Components.Sla;

/// <summary>How a case's first-response SLA reads in a queue row: a short text, a tone for its colour and the deadline for the tooltip.</summary>
public sealed record SlaBadge(SlaState State, string Text, string Tone, string Tooltip)
{
    public static SlaBadge For(TierCalendar calendar, FirstResponseDeadline deadline, DateTimeOffset? firstRespondedAt, DateTimeOffset now)
    {
        var state = SlaClock.Evaluate(deadline, firstRespondedAt, now);
        var tooltip = deadline.DueAt is { } due ? $"First response due {TierCalendar.FormatCentral(due)}" : "No first-response commitment on this plan";
        if (state is SlaState.Met or SlaState.MetLate)
        {
            var at = firstRespondedAt!.Value;
            return new SlaBadge(state, state == SlaState.Met ? "met" : "met late", state == SlaState.Met ? "met" : "late",
                $"{tooltip}; answered {TierCalendar.FormatCentral(at)}");
        }
        if (state == SlaState.None)
        {
            return new SlaBadge(state, "no commitment", "none", tooltip);
        }
        var remaining = SlaClock.RemainingBusinessTime(calendar, deadline, now) ?? TimeSpan.Zero;
        var open = calendar.IsOpen(SupportTier.Tier1, now);
        if (state == SlaState.Breached)
        {
            // Overdue counts in business time too; while that is still under a minute (the deadline fell at a close),
            // say when it was due rather than "0m ago".
            return new SlaBadge(state, -remaining < TimeSpan.FromMinutes(1)
                ? $"breached · was due {ShortInstant(deadline.DueAt!.Value)}"
                : $"breached {Short(-remaining)} ago", "breached", tooltip);
        }
        if (!open || state == SlaState.Pending)
        {
            var resumes = calendar.NextOpening(SupportTier.Tier1, now);
            return new SlaBadge(state, $"paused · resumes {ShortInstant(resumes)}", state == SlaState.AtRisk ? "at-risk" : "paused",
                $"{tooltip}; {Short(remaining)} of Tier 1 time left; the clock is paused outside the Tier 1 window");
        }
        return state == SlaState.AtRisk
            ? new SlaBadge(state, $"at risk · {Short(remaining)}", "at-risk", tooltip)
            : new SlaBadge(state, $"due in {Short(remaining)}", "running", tooltip);
    }

    /// <summary>"Mon 07:00".</summary>
    public static string ShortInstant(DateTimeOffset at) => TierCalendar.ToCentral(at).ToString("ddd HH:mm", CultureInfo.InvariantCulture);
}
