using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Queues;

/// <summary>Desk-wide settings managers change in the app; today the take-next severity exception.</summary>
public sealed class DeskSettings(IDbContextFactory<SupportConsoleDbContext> dbFactory, ActingUser actingUser, TimeProvider clock)
{
    public const string SeverityExceptionKey = "take-next.severity-exception";

    public async Task<SeverityException?> SeverityExceptionAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var value = await db.DeskSettings.AsNoTracking().Where(s => s.Key == SeverityExceptionKey).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return SeverityException.TryParse(value, out var exception) ? exception : null;
    }

    /// <summary>
    /// Sets (or, with null, removes) the exception; the rule shown by Take next changes with it. Only an active manager
    /// (checked in the database now, not from the page's sign-in) may; returns why not, or null when saved.
    /// </summary>
    public async Task<string?> SetSeverityExceptionAsync(SeverityException? exception, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await actingUser.RefusalAsync(actor.UserId, [Roles.Manager], cancellationToken) is { } refusal)
        {
            return refusal;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var setting = await db.DeskSettings.FirstOrDefaultAsync(s => s.Key == SeverityExceptionKey, cancellationToken);
        if (setting is null)
        {
            setting = new DeskSetting { Key = SeverityExceptionKey };
            db.DeskSettings.Add(setting);
        }
        setting.Value = exception?.ToSetting() ?? "";
        setting.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        setting.UpdatedBy = actor.Email;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
