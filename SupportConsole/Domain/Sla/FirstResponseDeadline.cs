using SupportConsole.Domain.Calendar;

namespace SupportConsole.Domain.Sla;

/// <summary>
/// A case's first-response deadline, derived from its arrival, the plan's policy and a calendar snapshot
/// (re-derived, never edited, when holidays change). All instants are UTC at whole seconds.
/// </summary>
public readonly record struct FirstResponseDeadline(DateTimeOffset ClockStartsAt, DateTimeOffset? AtRiskAt, DateTimeOffset? DueAt)
{
    public bool HasCommitment => DueAt is not null;

    /// <summary>
    /// Clock start is arrival if Tier 1 is open, else Tier 1's next opening; due is the earliest instant at which
    /// the target of Tier 1 time has elapsed; at risk is when all but <see cref="SlaPolicy.AtRiskBefore"/> of it has.
    /// </summary>
    public static FirstResponseDeadline Compute(TierCalendar calendar, SlaPolicy policy, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);

        var clockStart = calendar.ClockStartAt(SupportTier.Tier1, receivedAt.ToUnixTimeSeconds());
        if (policy.FirstResponseTarget is not { } target)
        {
            return new FirstResponseDeadline(DateTimeOffset.FromUnixTimeSeconds(clockStart), null, null);
        }

        // Counting from clock start equals counting from arrival for a positive target, and keeps due >= clock start.
        var targetSeconds = target.Ticks / TimeSpan.TicksPerSecond;
        var due = calendar.AddBusinessSeconds(SupportTier.Tier1, clockStart, targetSeconds);
        var beforeRisk = Math.Max(0, targetSeconds - (policy.AtRiskBefore.Ticks / TimeSpan.TicksPerSecond));
        var atRisk = calendar.AddBusinessSeconds(SupportTier.Tier1, clockStart, beforeRisk);
        return new FirstResponseDeadline(
            DateTimeOffset.FromUnixTimeSeconds(clockStart),
            DateTimeOffset.FromUnixTimeSeconds(atRisk),
            DateTimeOffset.FromUnixTimeSeconds(due));
    }

    /// <summary>The SLA state at <paramref name="now"/>; see <see cref="SlaClock.Evaluate"/>.</summary>
    public SlaState StateAt(DateTimeOffset? firstRespondedAt, DateTimeOffset now) => SlaClock.Evaluate(this, firstRespondedAt, now);
}
