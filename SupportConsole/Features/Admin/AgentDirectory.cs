using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Admin;

/// <summary>
/// Agent accounts for the Users page. Each operation runs in its own scope: a Blazor circuit lives for hours
/// and must not hold one Identity DbContext that long. Every change to roles or status renews the security
/// stamp, so the person's open sessions lose access at the next revalidation. Every change first checks, in the
/// database, that the acting user is an active Admin now (<see cref="ActingUser"/>): the page's sign-in can be hours
/// old, and a disabled administrator's open page must not re-enable them or disable others.
/// </summary>
public sealed class AgentDirectory(IServiceScopeFactory scopes, ActingUser actingUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<AgentAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportConsoleDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(ur => ur.UserId, ur => roleNames.GetValueOrDefault(ur.RoleId, "?"));
        var now = clock.GetUtcNow();
        return users.Select(u => new AgentAccount(
            u.Id,
            u.Email ?? u.UserName ?? u.Id,
            u.DisplayName,
            Roles.All.Where(r => userRoles[u.Id].Contains(r)).ToList(),
            u.IsDisabled,
            !u.IsDisabled && u.LockoutEnd > now ? u.LockoutEnd : null)).ToList();
    }

    public async Task<IReadOnlyList<string>> CreateAsync(string email, string displayName, string password, IReadOnlyCollection<string> roles, string actingUserId)
    {
        if (await actingUser.RefusalAsync(actingUserId, Roles.Admin) is { } refusal)
        {
            return [refusal];
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var user = new AgentUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Errors(created);
        }
        var unknown = roles.Except(Roles.All).ToList();
        if (unknown.Count > 0)
        {
            return [$"Unknown role(s): {string.Join(", ", unknown)}."];
        }
        return Errors(await users.AddToRolesAsync(user, roles));
    }

    public async Task<IReadOnlyList<string>> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, string actingUserId)
    {
        if (userId == actingUserId && !roles.Contains(Roles.Admin))
        {
            return ["You cannot remove your own Admin role: ask another administrator, so the desk always keeps one."];
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ["That account no longer exists. Reload the page."];
        }
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin) && !user.IsDisabled && !await AnotherActiveAdminAsync(scope, userId))
        {
            return [LastAdmin];
        }
        if (await actingUser.RefusalAsync(actingUserId, Roles.Admin) is { } refusal)
        {
            return [refusal];
        }
        var errors = new List<string>();
        errors.AddRange(Errors(await users.RemoveFromRolesAsync(user, current.Except(roles))));
        errors.AddRange(Errors(await users.AddToRolesAsync(user, roles.Intersect(Roles.All).Except(current))));
        errors.AddRange(Errors(await users.UpdateSecurityStampAsync(user)));
        return errors;
    }

    public async Task<IReadOnlyList<string>> SetDisabledAsync(string userId, bool disabled, string actingUserId)
    {
        if (userId == actingUserId)
        {
            return [disabled ? "You cannot disable your own account." : "You cannot enable your own account: ask another administrator."];
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ["That account no longer exists. Reload the page."];
        }
        if (disabled && !user.IsDisabled && await users.IsInRoleAsync(user, Roles.Admin) && !await AnotherActiveAdminAsync(scope, userId))
        {
            return [LastAdmin];
        }
        if (await actingUser.RefusalAsync(actingUserId, Roles.Admin) is { } refusal)
        {
            return [refusal];
        }
        user.IsDisabled = disabled;
        // Lockout makes Identity itself refuse the password of a disabled account.
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        var errors = Errors(await users.UpdateAsync(user)).ToList();
        errors.AddRange(Errors(await users.UpdateSecurityStampAsync(user)));
        return errors;
    }

    public async Task<IReadOnlyList<string>> UnlockAsync(string userId, string actingUserId)
    {
        if (await actingUser.RefusalAsync(actingUserId, Roles.Admin) is { } refusal)
        {
            return [refusal];
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ["That account no longer exists. Reload the page."];
        }
        var errors = Errors(await users.SetLockoutEndDateAsync(user, null)).ToList();
        errors.AddRange(Errors(await users.ResetAccessFailedCountAsync(user)));
        return errors;
    }

    private const string LastAdmin = "That is the last active administrator: make someone else an administrator first, so the desk always keeps one.";

    /// <summary>Whether an active account other than <paramref name="userId"/> holds Admin, so the desk never loses its last one.</summary>
    private static Task<bool> AnotherActiveAdminAsync(AsyncServiceScope scope, string userId)
    {
        var db = scope.ServiceProvider.GetRequiredService<SupportConsoleDbContext>();
        return db.ActiveUsersInRole(Roles.Admin).AnyAsync(u => u.Id != userId);
    }

    private static IReadOnlyList<string> Errors(IdentityResult result) =>
        result.Succeeded ? [] : result.Errors.Select(e => e.Description).ToList();
}
