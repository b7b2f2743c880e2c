using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Cases;

/// <summary>
/// The desk setting behind the escalate button's suggestion: the default tier for each severity (managers change it on
/// the Escalations page). Stored as <c>1=3;2=2;3=2;4=2</c> (severity=tier); Critical goes to Tier 3 unless set otherwise.
/// </summary>
public sealed class EscalationSettings(IDbContextFactory<SupportConsoleDbContext> dbFactory)
{
    public const string Key = "escalation.default-tiers";

    public static IReadOnlyDictionary<CaseSeverity, SupportTier> Defaults { get; } = new Dictionary<CaseSeverity, SupportTier>
    {
        [CaseSeverity.Critical] = SupportTier.Tier3,
        [CaseSeverity.High] = SupportTier.Tier2,
        [CaseSeverity.Normal] = SupportTier.Tier2,
        [CaseSeverity.Question] = SupportTier.Tier2,
    };

    public async Task<IReadOnlyDictionary<CaseSeverity, SupportTier>> DefaultTiersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.DeskSettings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return Parse(stored);
    }

    public async Task SaveAsync(IReadOnlyDictionary<CaseSeverity, SupportTier> tiers, string actorName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var setting = await db.DeskSettings.FirstOrDefaultAsync(s => s.Key == Key, cancellationToken);
        if (setting is null)
        {
            setting = new DeskSetting { Key = Key };
            db.DeskSettings.Add(setting);
        }
        setting.Value = Format(tiers);
        setting.UpdatedBy = actorName;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Format(IReadOnlyDictionary<CaseSeverity, SupportTier> tiers) =>
        string.Join(';', Enum.GetValues<CaseSeverity>().Select(s => string.Create(CultureInfo.InvariantCulture, $"{(int)s}={tiers.GetValueOrDefault(s, Defaults[s]).Number()}")));

    /// <summary>Reads the stored text; anything unreadable falls back to the default for that severity.</summary>
    public static IReadOnlyDictionary<CaseSeverity, SupportTier> Parse(string? text)
    {
        var tiers = new Dictionary<CaseSeverity, SupportTier>(Defaults);
        foreach (var pair in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var severity) && CaseSeverityNames.TryFromNumber(severity, out var s)
                && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var tier) && SupportTiers.TryFromNumber(tier, out var t) && t.IsEngineering())
            {
                tiers[s] = t;
            }
        }
        return tiers;
    }
}
