using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Features.Account;
using SupportConsole.Features.Admin;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Account;

/// <summary>One host (system clock) for the sign-in tests; each test starts from the accounts as start-up made them.</summary>
public sealed class SignInApp() : SharedApp;

public sealed class SignInAndRolesTests(SignInApp shared) : IClassFixture<SignInApp>, IAsyncLifetime
{
    private readonly AppFactory app = shared.App;

    public ValueTask InitializeAsync() => new(shared.ResetAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("/")]
    [InlineData("/queues")]
    [InlineData("/escalations")]
    [InlineData("/dashboard")]
    [InlineData("/admin/users")]
    [InlineData("/admin/customers")]
    public async Task Anonymous_request_to_a_protected_page_is_sent_to_sign_in(string path)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location!.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_page_is_public_and_lists_the_demo_accounts_in_development()
    {
        var page = await app.CreateBrowserLikeClient().GetStringAsync("/account/login");

        Assert.Contains("id=\"demo-accounts\"", page);
        foreach (var demo in DemoAccounts.All)
        {
            Assert.Contains(demo.Email, page);
        }
    }

    [Theory]
    [InlineData("tier1@supportconsole.local", "Demo-tier1-1", "/queues", true)]
    [InlineData("tier1@supportconsole.local", "Demo-tier1-1", "/escalations", false)]
    [InlineData("tier1@supportconsole.local", "Demo-tier1-1", "/dashboard", false)]
    [InlineData("tier1@supportconsole.local", "Demo-tier1-1", "/admin/users", false)]
    [InlineData("tier1@supportconsole.local", "Demo-tier1-1", "/admin/customers", false)]
    [InlineData("tier2@supportconsole.local", "Demo-tier2-1", "/escalations", true)]
    [InlineData("tier2@supportconsole.local", "Demo-tier2-1", "/queues", false)]
    [InlineData("tier2@supportconsole.local", "Demo-tier2-1", "/dashboard", false)]
    [InlineData("tier3@supportconsole.local", "Demo-tier3-1", "/escalations", true)]
    [InlineData("tier3@supportconsole.local", "Demo-tier3-1", "/admin/customers", false)]
    [InlineData("manager@supportconsole.local", "Demo-manager-1", "/dashboard", true)]
    [InlineData("manager@supportconsole.local", "Demo-manager-1", "/admin/customers", true)]
    [InlineData("manager@supportconsole.local", "Demo-manager-1", "/queues", true)]
    [InlineData("manager@supportconsole.local", "Demo-manager-1", "/admin/users", false)]
    [InlineData("admin@supportconsole.local", "Demo-admin-1", "/admin/users", true)]
    public async Task Each_role_reaches_only_its_pages(string email, string password, string path, bool allowed)
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, email, password);

        var response = await client.GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("id=\"page-title\"", await response.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("tier1@supportconsole.local", "Demo-tier1-1", "/queues")]
    [InlineData("tier2@supportconsole.local", "Demo-tier2-1", "/escalations")]
    [InlineData("manager@supportconsole.local", "Demo-manager-1", "/dashboard")]
    public async Task Home_sends_each_role_to_its_work(string email, string password, string expected)
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, email, password);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Wrong_password_says_so_and_failures_never_lock_the_account()
    {
        var client = app.CreateBrowserLikeClient();

        var first = await SignIn.PostAsync(client, "tier1@supportconsole.local", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("The email or password is not right", await first.Content.ReadAsStringAsync());

        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostAsync(client, "tier1@supportconsole.local", "not-the-password");
        }
        var signedIn = await SignIn.PostAsync(client, "tier1@supportconsole.local", "Demo-tier1-1");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Disabled_account_cannot_sign_in_and_is_not_told_apart()
    {
        var (tier1, admin) = await IdsAsync("tier1@supportconsole.local", "admin@supportconsole.local");
        var errors = await app.Services.GetRequiredService<AgentDirectory>().SetDisabledAsync(tier1, true, admin);
        Assert.Empty(errors);

        var response = await SignIn.PostAsync(app.CreateBrowserLikeClient(), "tier1@supportconsole.local", "Demo-tier1-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The email or password is not right", page);
        Assert.DoesNotContain("account is disabled", page);
    }

    [Fact]
    public async Task Administrator_cannot_disable_themselves_or_drop_their_own_admin_role()
    {
        var (admin, _) = await IdsAsync("admin@supportconsole.local", "admin@supportconsole.local");
        var directory = app.Services.GetRequiredService<AgentDirectory>();

        Assert.NotEmpty(await directory.SetDisabledAsync(admin, true, admin));
        Assert.NotEmpty(await directory.SetRolesAsync(admin, ["Manager"], admin));
    }

    private async Task<(string, string)> IdsAsync(string first, string second)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        return ((await users.FindByEmailAsync(first))!.Id, (await users.FindByEmailAsync(second))!.Id);
    }
}

/// <summary>One host on a fake clock for the revocation tests; each test gets the accounts back and a fresh clock at the real now.</summary>
public sealed class AccessRevocationApp() : SharedApp(DateTimeOffset.UtcNow);

public sealed class AccessRevocationTests(AccessRevocationApp shared) : IClassFixture<AccessRevocationApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Disabled_or_demoted_agent_loses_access_within_a_minute(bool disable)
    {
        await shared.ResetAsync(DateTimeOffset.UtcNow);
        var clock = shared.Clock;
        var app = shared.App;
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "tier1@supportconsole.local", "Demo-tier1-1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/queues")).StatusCode);

        string tier1, admin;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
            tier1 = (await users.FindByEmailAsync("tier1@supportconsole.local"))!.Id;
            admin = (await users.FindByEmailAsync("admin@supportconsole.local"))!.Id;
        }
        var directory = app.Services.GetRequiredService<AgentDirectory>();
        Assert.Empty(disable
            ? await directory.SetDisabledAsync(tier1, true, admin)
            : await directory.SetRolesAsync(tier1, ["Tier2"], admin));

        clock.Advance(TimeSpan.FromSeconds(61));
        var response = await client.GetAsync("/queues");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class CircuitRevalidationTests
{
    [Fact]
    public async Task Open_circuit_of_a_disabled_or_demoted_agent_fails_revalidation()
    {
        await using var app = new AppFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AgentUser>>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        var tier1 = (await users.FindByEmailAsync("tier1@supportconsole.local"))!;
        var tier1b = (await users.FindByEmailAsync("tier1b@supportconsole.local"))!;
        var admin = (await users.FindByEmailAsync("admin@supportconsole.local"))!;
        var tier1Circuit = await signIn.CreateUserPrincipalAsync(tier1);
        var tier1bCircuit = await signIn.CreateUserPrincipalAsync(tier1b);
        Assert.True(await AgentAuthenticationStateProvider.IsStillValidAsync(users, tier1Circuit, options));

        var directory = app.Services.GetRequiredService<AgentDirectory>();
        await directory.SetDisabledAsync(tier1.Id, true, admin.Id);
        await directory.SetRolesAsync(tier1b.Id, [], admin.Id);

        await using var fresh = app.Services.CreateAsyncScope();
        var freshUsers = fresh.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        Assert.False(await AgentAuthenticationStateProvider.IsStillValidAsync(freshUsers, tier1Circuit, options));
        Assert.False(await AgentAuthenticationStateProvider.IsStillValidAsync(freshUsers, tier1bCircuit, options));
    }
}
