using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Plans;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Admin;

public sealed class BootstrapAndDemoDataTests
{
    private static readonly Dictionary<string, string?> ProductionAdmin = new()
    {
        ["Bootstrap:AdminEmail"] = "boss@desk.example",
        ["Bootstrap:AdminPassword"] = "Str0ng-and-long!",
    };

    [Fact]
    public async Task First_run_creates_the_bootstrap_administrator_with_every_role_and_no_demo_accounts()
    {
        await using var app = new AppFactory("Production", ProductionAdmin);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();

        var admin = await users.FindByEmailAsync("boss@desk.example");

        Assert.NotNull(admin);
        Assert.Equal(Roles.All.Order(), (await users.GetRolesAsync(admin)).Order());
        Assert.Equal(1, await users.Users.CountAsync());
        var client = app.CreateBrowserLikeClient();
        Assert.DoesNotContain("demo-accounts", await client.GetStringAsync("/account/login"));
        await SignIn.AsAsync(client, "boss@desk.example", "Str0ng-and-long!");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Bootstrap_settings_are_ignored_once_anyone_exists()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportconsole-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new AppFactory("Production", ProductionAdmin, folder))
        {
            _ = first.Services;
        }
        await using var second = new AppFactory("Production", new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "someone-else@desk.example",
            ["Bootstrap:AdminPassword"] = "An0ther-long-one!",
        }, folder);
        await using var scope = second.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();

        Assert.Null(await users.FindByEmailAsync("someone-else@desk.example"));
        Assert.Equal(1, await users.Users.CountAsync());
    }

    [Fact]
    public async Task Production_never_seeds_demo_accounts_or_customers()
    {
        await using var app = new AppFactory("Production");
        await using var db = await CreateDbAsync(app);

        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task Demo_seeding_runs_once_and_gives_one_active_pro_plus_one_ended_and_one_free_customer()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportconsole-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new AppFactory(dataFolder: folder))
        {
            await using var db = await CreateDbAsync(first);
            var customers = await db.Customers.Include(c => c.OriginationList).ToListAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-6));
            Assert.Equal(3, customers.Count);
            Assert.Contains(customers, c => c.Plan == SupportPlan.ProPlus && c.TermEnd >= today && c.OriginationList.Any(e => !e.Value.Contains('@')));
            Assert.Contains(customers, c => c.Plan == SupportPlan.ProPlus && c.TermEnd < today);
            Assert.Contains(customers, c => c.Plan == SupportPlan.FreeSupport);
        }

        await using var second = new AppFactory(dataFolder: folder);
        await using var again = await CreateDbAsync(second);
        Assert.Equal(3, await again.Customers.CountAsync());
        Assert.Equal(SupportConsole.Features.Account.DemoAccounts.All.Count, await again.Users.CountAsync());
    }

    [Fact]
    public async Task Demo_cases_go_through_the_real_intake_into_both_queues_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportconsole-tests", Guid.NewGuid().ToString("N"));
        var withCases = new Dictionary<string, string?> { ["Demo:Cases"] = "true" };
        int seeded;
        await using (var first = new AppFactory(settings: withCases, dataFolder: folder))
        {
            await using var db = await CreateDbAsync(first);
            var cases = await db.Cases.ToListAsync();
            seeded = cases.Count;
            // Weeks of imported history for the reports page: met, missed and closed-without-reply among them.
            Assert.True(cases.Count(c => c.IsImported && c.ClosedAtUtc != null) >= 40, $"{cases.Count} cases");
            Assert.Contains(cases, c => c.FirstRespondedAtUtc > c.FirstResponseDueAtUtc);
            Assert.Contains(cases, c => c.FirstRespondedAtUtc == null && c.Status == SupportConsole.Domain.Cases.CaseStatus.Closed);
            Assert.True(cases.Select(c => c.FirstResponseDueLocalDate).Distinct().Count() >= 20);
            Assert.Contains(cases, c => c.Queue == SupportConsole.Domain.Cases.CaseQueue.Priority && c.RoutingReason.Contains("Acme Corp"));
            Assert.Contains(cases, c => c.Queue == SupportConsole.Domain.Cases.CaseQueue.Standard && c.RoutingReason.Contains("Globex"));
            Assert.Contains(cases, c => c.FirstRespondedAtUtc != null);
        }
        await using var second = new AppFactory(settings: withCases, dataFolder: folder);
        await using var again = await CreateDbAsync(second);
        Assert.Equal(seeded, await again.Cases.CountAsync());
    }

    [Fact]
    public async Task Demo_seeding_never_touches_a_database_that_already_has_customers()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportconsole-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new AppFactory("Production", ProductionAdmin, folder))
        {
            await using var db = await CreateDbAsync(first);
            db.Customers.Add(new Customer { Name = "Real Customer Inc", Plan = SupportPlan.ProPlus, TermStart = new(2026, 1, 1), TermEnd = new(2026, 12, 31) });
            await db.SaveChangesAsync();
        }

        await using var second = new AppFactory("Development", new Dictionary<string, string?> { ["Demo:Seed"] = "true" }, folder);
        await using var again = await CreateDbAsync(second);

        Assert.Equal(["Real Customer Inc"], await again.Customers.Select(c => c.Name).ToListAsync());
    }

    private static async Task<SupportConsoleDbContext> CreateDbAsync(AppFactory app) =>
        await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
}
