using SupportConsole.Domain.Calendar;

namespace SupportConsole.Domain.Sla;

/// <summary>Reads a first-response deadline at an instant: its state and the business time left.</summary>
public static class SlaClock
{
    /// <summary>
    /// None without a due; Met when the first response came at or before due, MetLate after; otherwise Pending
    /// before clock start, Breached from the first second after due (at due exactly it is still at risk),
    /// AtRisk from the at-risk instant, else Running. Compared at whole seconds.
    /// </summary>
    public static SlaState Evaluate(FirstResponseDeadline deadline, DateTimeOffset? firstRespondedAt, DateTimeOffset now)
    {
        if (deadline.DueAt is not { } dueAt)
        {
            return SlaState.None;
        }

        var due = dueAt.ToUnixTimeSeconds();
        if (firstRespondedAt is { } responded)
        {
            return responded.ToUnixTimeSeconds() <= due ? SlaState.Met : SlaState.MetLate;
        }

        var at = now.ToUnixTimeSeconds();
        if (at < deadline.ClockStartsAt.ToUnixTimeSeconds())
        {
            return SlaState.Pending;
        }

        if (at > due)
        {
            return SlaState.Breached;
        }

        return deadline.AtRiskAt is { } atRisk && at >= atRisk.ToUnixTimeSeconds() ? SlaState.AtRisk : SlaState.Running;
    }

    /// <summary>
    /// Tier 1 business time from <paramref name="now"/> to due for countdowns; negative (business time overdue)
    /// once breached; null without a commitment.
    /// </summary>
    public static TimeSpan? RemainingBusinessTime(TierCalendar calendar, FirstResponseDeadline deadline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (deadline.DueAt is not { } due)
        {
            return null;
        }

        return now <= due
            ? calendar.BusinessTimeBetween(SupportTier.Tier1, now, due)
            : -calendar.BusinessTimeBetween(SupportTier.Tier1, due, now);
    }
}
