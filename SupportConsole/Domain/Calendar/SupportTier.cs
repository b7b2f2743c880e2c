namespace SupportConsole.Domain.Calendar;

/// <summary>The two staffing tiers; each keeps its own daily window in the shared calendar.</summary>
public enum SupportTier
{
    /// <summary>Tier 1, the front line whose window counts toward first-response deadlines.</summary>
    Tier1 = 0,

    /// <summary>Tier 2-3, the engineers who take escalations, with a shorter window.</summary>
    Tier23 = 1,
}
