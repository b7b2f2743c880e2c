namespace SupportConsole.Domain.Calendar;

public static class SupportTiers
{
    /// <summary>The tiers a case can be escalated to.</summary>
    public static readonly IReadOnlyList<SupportTier> Escalation = [SupportTier.Tier2, SupportTier.Tier3];

    /// <summary>1, 2 or 3, as the API and agents write it.</summary>
    public static int Number(this SupportTier tier) => (int)tier;

    /// <summary>"Tier 1", "Tier 2", "Tier 3".</summary>
    public static string DisplayName(this SupportTier tier) => $"Tier {tier.Number()}";

    /// <summary>Whether the tier works in the Tier 2-3 window (Tier 2 and Tier 3).</summary>
    public static bool IsEngineering(this SupportTier tier) => tier is SupportTier.Tier2 or SupportTier.Tier3;

    /// <summary>The tier for 1, 2 or 3; anything else is refused.</summary>
    public static bool TryFromNumber(int number, out SupportTier tier)
    {
        tier = (SupportTier)number;
        return Enum.IsDefined(tier);
    }
}
