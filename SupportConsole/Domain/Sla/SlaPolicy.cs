namespace SupportConsole.Domain.Sla;

/// <summary>
/// A first-response commitment in Tier 1 business time: the target (null means no commitment) and
/// how much business time before due a case counts as at risk.
/// </summary>
public sealed record SlaPolicy
{
    public SlaPolicy(TimeSpan? firstResponseTarget, TimeSpan atRiskBefore)
    {
        // Negative business time has no meaning; a zero target would be due on arrival.
        if (firstResponseTarget is { } target && target <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(firstResponseTarget), target, "A first-response target must be positive.");
        }

        if (atRiskBefore < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(atRiskBefore), atRiskBefore, "The at-risk lead cannot be negative.");
        }

        FirstResponseTarget = firstResponseTarget;
        AtRiskBefore = atRiskBefore;
    }

    public TimeSpan? FirstResponseTarget { get; }

    public TimeSpan AtRiskBefore { get; }

    public bool HasCommitment => FirstResponseTarget is not null;

    /// <summary>The default at-risk lead: 4 Tier 1 hours before due.</summary>
    public static TimeSpan DefaultAtRiskBefore { get; } = TimeSpan.FromHours(4);

    /// <summary>Pro Plus: 24 Tier 1 hours (two 12-hour days), at risk 4 hours before due.</summary>
    public static SlaPolicy ProPlusDefault { get; } = new(TimeSpan.FromHours(24), DefaultAtRiskBefore);

    /// <summary>Free Support: no first-response commitment unless one is configured.</summary>
    public static SlaPolicy NoCommitment { get; } = new(null, DefaultAtRiskBefore);
}
