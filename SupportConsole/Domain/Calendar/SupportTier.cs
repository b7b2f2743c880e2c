namespace SupportConsole.Domain.Calendar;

/// <summary>
/// The support tiers, the one type for "which tier" everywhere: a case's tier, an engineer's, and whose window
/// the calendar counts in. Tier 2 and Tier 3 share one staffing window (the Tier 2-3 window); Tier 1 has its own.
/// The number is the tier's name (stored and shown as 1, 2, 3).
/// </summary>
public enum SupportTier
{
    /// <summary>The front line whose window counts toward first-response deadlines.</summary>
    Tier1 = 1,

    /// <summary>Engineers who take escalations, in the Tier 2-3 window.</summary>
    Tier2 = 2,

    /// <summary>Senior engineers, in the same Tier 2-3 window as Tier 2.</summary>
    Tier3 = 3,
}
