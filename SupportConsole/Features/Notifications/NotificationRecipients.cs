using SupportConsole.Domain.Calendar;

namespace SupportConsole.Features.Notifications;

/// <summary>Who receives what: resolved from the account roles (disabled accounts never receive anything).</summary>
public sealed record NotificationRecipients(IReadOnlyList<string> Tier1, IReadOnlyList<string> Managers, IReadOnlyList<string> Tier2, IReadOnlyList<string> Tier3)
{
    /// <summary>The people of the tier that holds a case.</summary>
    public IReadOnlyList<string> OfTier(SupportTier tier) => tier switch
    {
        SupportTier.Tier2 => Tier2,
        SupportTier.Tier3 => Tier3,
        _ => Tier1,
    };
}
