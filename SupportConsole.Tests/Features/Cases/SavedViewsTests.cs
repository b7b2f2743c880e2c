using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Features.Cases;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases;

/// <summary>One host on a fake clock for the saved views tests.</summary>
public sealed class SavedViewsApp() : SharedApp(CaseSearchApiTests.Wednesday14Central);

/// <summary>Saved views belong to one agent, are counted through the search's criteria, and saving checks the agent's roles now.</summary>
public sealed class SavedViewsTests(SavedViewsApp shared) : IClassFixture<SavedViewsApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await shared.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private CaseViews Views => shared.App.Services.GetRequiredService<CaseViews>();

    private async Task<AgentUser> AgentAsync(string email)
    {
        using var scope = shared.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync(email))!;
    }

    [Fact]
    public async Task A_saved_view_is_its_owner_s_alone_and_counts_its_search()
    {
        using var api = ApiClient.Create(shared.App);
        foreach (var subject in new[] { "Pelican upload", "Pelican download", "Heron upload" })
        {
            Assert.Equal(HttpStatusCode.Created, (await api.PostCaseAsync(new { from = "someone@example.org", name = "S", subject, body = "text", severity = 3 })).StatusCode);
        }
        var tina = await AgentAsync("tier1@supportconsole.local");
        var theo = await AgentAsync("tier1b@supportconsole.local");

        var (saved, message, id) = await Views.SaveAsync(tina.Id, "Pelicans", "?q=pelican&page=3&status=open");

        Assert.True(saved, message);
        var mine = (await Views.ListAsync(tina.Id)).Single(v => v.SavedId == id);
        Assert.Equal(("Pelicans", 2L, $"saved-{id}"), (mine.Name, mine.Count, mine.Key));
        Assert.Equal("q=pelican&status=open", (await Views.SavedAsync(tina.Id, id!.Value))!.Query);
        Assert.DoesNotContain(await Views.ListAsync(theo.Id), v => v.IsSaved);
        Assert.Null(await Views.SavedAsync(theo.Id, id.Value));
        Assert.False((await Views.DeleteAsync(theo.Id, id.Value)).Succeeded);
        Assert.NotNull(await Views.SavedAsync(tina.Id, id.Value));

        Assert.True((await Views.DeleteAsync(tina.Id, id.Value)).Succeeded);
        Assert.DoesNotContain(await Views.ListAsync(tina.Id), v => v.IsSaved);
    }

    [Fact]
    public async Task Saving_a_view_needs_a_desk_role_now_a_name_and_a_valid_search()
    {
        var sol = await AgentAsync("sales@supportconsole.local");
        var tina = await AgentAsync("tier1@supportconsole.local");

        var refused = await Views.SaveAsync(sol.Id, "Mine", "q=anything");
        var unnamed = await Views.SaveAsync(tina.Id, " ", "q=anything");
        var invalid = await Views.SaveAsync(tina.Id, "Bad", "status=pending");

        Assert.False(refused.Succeeded);
        Assert.Contains("role", refused.Message);
        Assert.False(unnamed.Succeeded);
        Assert.False(invalid.Succeeded);
        Assert.Contains("Status is open", invalid.Message);
        Assert.False((await Views.DeleteAsync(sol.Id, 1)).Succeeded);
    }

    [Fact]
    public void The_week_starts_on_Monday_midnight_central()
    {
        // Wed 2026-11-25 14:00 CST → Mon 2026-11-23 00:00 CST = 06:00Z; Sunday late evening belongs to the week before.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), CaseViews.StartOfWeek(CaseSearchApiTests.Wednesday14Central));
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 6, 0, 0, TimeSpan.Zero), CaseViews.StartOfWeek(new DateTimeOffset(2026, 11, 23, 5, 59, 0, TimeSpan.Zero)));
    }
}
