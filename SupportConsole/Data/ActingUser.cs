using Microsoft.EntityFrameworkCore;
using SupportConsole.Hosting;

namespace SupportConsole.Data;

/// <summary>
/// Checks the acting user's account as it is in the database at the moment of an action. A Blazor circuit keeps the
/// <see cref="System.Security.Claims.ClaimsPrincipal"/> it was opened with for hours, so a disabled or demoted agent's
/// open page would otherwise keep acting with roles they no longer hold; every service behind a button asks here.
/// In Data, not a feature, because every feature that acts for a person needs it.
/// </summary>
public sealed class ActingUser(IDbContextFactory<SupportConsoleDbContext> dbFactory)
{
    /// <summary>The roles that work cases: any tier, or a manager who supervises them.</summary>
    public static readonly string[] DeskRoles = [Roles.Tier1, Roles.Tier2, Roles.Tier3, Roles.Manager];

    /// <summary>Null when the account exists, is not disabled and holds one of <paramref name="anyOfRoles"/>; else why not.</summary>
    public Task<string?> RefusalAsync(string userId, params string[] anyOfRoles) => RefusalAsync(userId, anyOfRoles, CancellationToken.None);

    /// <summary>Null when the account exists, is not disabled and holds one of <paramref name="anyOfRoles"/>; else why not.</summary>
    public async Task<string?> RefusalAsync(string userId, IReadOnlyCollection<string> anyOfRoles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anyOfRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var disabled = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (bool?)u.IsDisabled).FirstOrDefaultAsync(cancellationToken);
        if (disabled is null)
        {
            return "Your account no longer exists; sign in again.";
        }
        if (disabled.Value)
        {
            return "Your account is disabled.";
        }
        if (anyOfRoles.Count == 0)
        {
            return null;
        }
        var held = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where ur.UserId == userId
                          select r.Name).ToListAsync(cancellationToken);
        return anyOfRoles.Any(held.Contains) ? null : $"Your account no longer has the {Describe(anyOfRoles)} role; reload the page.";
    }

    /// <summary>"Tier 1", "Tier 1 or Manager", "Tier 1, Tier 2, Tier 3 or Manager": the roles as people say them.</summary>
    public static string Describe(IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var names = roles.Select(r => r.StartsWith("Tier", StringComparison.Ordinal) ? $"Tier {r[4..]}" : r).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
