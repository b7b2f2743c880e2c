using System.Globalization;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;
using static SupportConsole.Components.Sla.Durations;

namespace SupportConsole.Components.Sla;

/// <summary>
/// How a case's first-response SLA reads in a queue row: a short text, a tone for its colour, the deadline for the
/// tooltip, and <see cref="Spoken"/>: in words what the colour says, for screen readers ("breached", "at risk").
/// </summary>
public sealed record SlaBadge(SlaState State, string Text, string Tone, string Tooltip)
{
    /// <summary>The badge in words: "first response due in 3 hours 10 minutes of Tier 1 time", "breached: ...".</summary>
    public string Spoken { get; init; } = Text;

    public static SlaBadge For(TierCalendar calendar, FirstResponseDeadline deadline, DateTimeOffset? firstRespondedAt, DateTimeOffset now)
    {
        var state = SlaClock.Evaluate(deadline, firstRespondedAt, now);
        var tooltip = deadline.DueAt is { } due ? $"First response due {TierCalendar.FormatCentral(due)}" : "No first-response commitment on this plan";
        if (state is SlaState.Met or SlaState.MetLate)
        {
            var at = firstRespondedAt!.Value;
            return new SlaBadge(state, state == SlaState.Met ? "met" : "met late", state == SlaState.Met ? "met" : "late",
                $"{tooltip}; answered {TierCalendar.FormatCentral(at)}")
            {
                Spoken = state == SlaState.Met ? "first response met in time" : "first response met late, after its deadline",
            };
        }
        if (state == SlaState.None)
        {
            return new SlaBadge(state, "no commitment", "none", tooltip) { Spoken = "no first-response commitment" };
        }
        var remaining = SlaClock.RemainingBusinessTime(calendar, deadline, now) ?? TimeSpan.Zero;
        var dueAt = ShortInstant(deadline.DueAt!.Value);
        var open = calendar.IsOpen(SupportTier.Tier1, now);
        if (state == SlaState.Breached)
        {
            // Overdue counts in business time too; while that is still under a minute (the deadline fell at a close),
            // say when it was due rather than "0m ago".
            return new SlaBadge(state, -remaining < TimeSpan.FromMinutes(1)
                ? $"breached · was due {dueAt}"
                : $"breached {Short(-remaining)} ago", "breached", tooltip)
            {
                Spoken = -remaining < TimeSpan.FromMinutes(1)
                    ? $"breached: the first response was due {dueAt}"
                    : $"breached: the first response is {Spoken(-remaining)} of Tier 1 time overdue",
            };
        }
        if (!open || state == SlaState.Pending)
        {
            var resumes = calendar.NextOpening(SupportTier.Tier1, now);
            return new SlaBadge(state, $"paused · resumes {ShortInstant(resumes)}", state == SlaState.AtRisk ? "at-risk" : "paused",
                $"{tooltip}; {Short(remaining)} of Tier 1 time left; the clock is paused outside the Tier 1 window")
            {
                Spoken = $"{(state == SlaState.AtRisk ? "at risk, " : "")}paused outside the Tier 1 window: {Spoken(remaining)} of Tier 1 time left, resumes {ShortInstant(resumes)}",
            };
        }
        return state == SlaState.AtRisk
            ? new SlaBadge(state, $"at risk · due {dueAt}, in {Short(remaining)}", "at-risk", $"{tooltip}; {Short(remaining)} of Tier 1 time left")
            {
                Spoken = $"at risk: first response due {dueAt}, in {Spoken(remaining)} of Tier 1 time",
            }
            : new SlaBadge(state, $"due {dueAt}, in {Short(remaining)}", "running", $"{tooltip}; {Short(remaining)} of Tier 1 time left")
            {
                Spoken = $"first response due {dueAt}, in {Spoken(remaining)} of Tier 1 time",
            };
    }

    /// <summary>"Mon 07:00".</summary>
    public static string ShortInstant(DateTimeOffset at) => TierCalendar.ToCentral(at).ToString("ddd HH:mm", CultureInfo.InvariantCulture);
}
