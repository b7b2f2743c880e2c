using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Features.Admin;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Admin;

/// <summary>One Development host (demo accounts) shared by every <see cref="UsersPageActionTests"/> test.</summary>
public sealed class UsersPageApp : IAsyncLifetime
{
    public AppFactory App { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = App.Services; // start the host (migrations, demo accounts)
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// The Users page's actions (<see cref="AgentDirectory"/>) check the acting administrator in the database when they act:
/// a page opened before the account was disabled cannot re-enable it or disable anyone; nobody changes their own
/// disabled state; the desk never loses its last active administrator. One Development host shared by the class.
/// </summary>
public sealed class UsersPageActionTests(UsersPageApp fixture) : IClassFixture<UsersPageApp>
{
    private AppFactory App => fixture.App;

    [Fact]
    public async Task A_disabled_admin_cannot_reenable_themselves_or_disable_another_admin()
    {
        var directory = App.Services.GetRequiredService<AgentDirectory>(); // the page's service, created before the change
        var ada = await IdOfAsync("admin@supportconsole.local");
        var rogue = await CreateAsync(Roles.Admin);
        var other = await CreateAsync(Roles.Admin);
        await SetDisabledInDatabaseAsync(rogue, true);

        Assert.Equal(["You cannot enable your own account: ask another administrator."], await directory.SetDisabledAsync(rogue, false, rogue));
        Assert.Equal(["Your account is disabled."], await directory.SetDisabledAsync(other, true, rogue));
        Assert.Equal(["Your account is disabled."], await directory.SetDisabledAsync(ada, true, rogue));
        Assert.Equal(["Your account is disabled."], await directory.SetRolesAsync(other, [Roles.Tier1], rogue));
        Assert.Equal(["Your account is disabled."], await directory.UnlockAsync(other, rogue));
        Assert.Equal(["Your account is disabled."], await directory.CreateAsync($"new-{Guid.NewGuid():N}@supportconsole.local", "New", "Long-enough-1", [Roles.Admin], rogue));

        Assert.True(await IsDisabledAsync(rogue));
        Assert.False(await IsDisabledAsync(other));
        Assert.False(await IsDisabledAsync(ada));
        Assert.Contains(Roles.Admin, await RolesOfAsync(other));
    }

    [Fact]
    public async Task An_account_that_lost_the_admin_role_cannot_change_accounts()
    {
        var directory = App.Services.GetRequiredService<AgentDirectory>();
        var demoted = await CreateAsync(Roles.Tier1);
        var target = await CreateAsync(Roles.Tier1);

        Assert.Equal(["Your account no longer has the Admin role; reload the page."], await directory.SetDisabledAsync(target, true, demoted));
        Assert.False(await IsDisabledAsync(target));
    }

    [Fact]
    public async Task Nobody_disables_themselves()
    {
        var directory = App.Services.GetRequiredService<AgentDirectory>();
        var admin = await CreateAsync(Roles.Admin);

        Assert.Equal(["You cannot disable your own account."], await directory.SetDisabledAsync(admin, true, admin));
        Assert.Equal(["You cannot remove your own Admin role: ask another administrator, so the desk always keeps one."], await directory.SetRolesAsync(admin, [Roles.Tier1], admin));
        Assert.False(await IsDisabledAsync(admin));
    }

    [Fact]
    public async Task An_active_admin_disables_and_reenables_another_account()
    {
        var directory = App.Services.GetRequiredService<AgentDirectory>();
        var admin = await CreateAsync(Roles.Admin);
        var agent = await CreateAsync(Roles.Tier1);

        Assert.Empty(await directory.SetDisabledAsync(agent, true, admin));
        Assert.True(await IsDisabledAsync(agent));
        Assert.Empty(await directory.SetDisabledAsync(agent, false, admin));
        Assert.False(await IsDisabledAsync(agent));
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled_or_lose_the_admin_role()
    {
        var directory = App.Services.GetRequiredService<AgentDirectory>();
        var last = await CreateAsync(Roles.Admin);
        var caller = await CreateAsync(Roles.Admin);
        List<string> othersDisabled;
        await using (var db = await DbAsync())
        {
            var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync();
            othersDisabled = await db.Users
                .Where(u => u.Id != last && !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole))
                .Select(u => u.Id).ToListAsync();
        }
        foreach (var id in othersDisabled)
        {
            await SetDisabledInDatabaseAsync(id, true);
        }
        try
        {
            const string lastAdmin = "That is the last active administrator: make someone else an administrator first, so the desk always keeps one.";
            Assert.Equal([lastAdmin], await directory.SetDisabledAsync(last, true, caller));
            Assert.Equal([lastAdmin], await directory.SetRolesAsync(last, [Roles.Tier1], caller));
            Assert.False(await IsDisabledAsync(last));
            Assert.Contains(Roles.Admin, await RolesOfAsync(last));
        }
        finally
        {
            foreach (var id in othersDisabled)
            {
                await SetDisabledInDatabaseAsync(id, false);
            }
        }
    }

    // ---- Helpers ----

    private async Task<SupportConsoleDbContext> DbAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();

    private async Task<string> CreateAsync(params string[] roles)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var email = $"users-{Guid.NewGuid():N}@supportconsole.local";
        var user = new AgentUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return user.Id;
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task SetDisabledInDatabaseAsync(string userId, bool disabled)
    {
        await using var db = await DbAsync();
        Assert.Equal(1, await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, disabled)));
    }

    private async Task<bool> IsDisabledAsync(string userId)
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.IsDisabled).SingleAsync();
    }

    private async Task<List<string>> RolesOfAsync(string userId)
    {
        await using var db = await DbAsync();
        return await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync();
    }
}
