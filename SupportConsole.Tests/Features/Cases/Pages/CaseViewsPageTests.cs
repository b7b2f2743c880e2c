using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using AgentUser = SupportConsole.Data.AgentUser;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Cases.Pages;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases.Pages;

/// <summary>One host on a fake clock for the views tests.</summary>
public sealed class CaseViewsPageApp() : SharedApp(CaseSearchApiTests.Wednesday14Central);

/// <summary>The views column of /cases, rendered with bUnit on the real views, search and database, signed in as Tina.</summary>
public sealed class CaseViewsPageTests : MudTestContext, IClassFixture<CaseViewsPageApp>, IAsyncLifetime
{
    private readonly CaseViewsPageApp shared;
    private readonly AgentUser tina;

    public CaseViewsPageTests(CaseViewsPageApp shared)
    {
        this.shared = shared;
        Services.AddSingleton(shared.App.Services.GetRequiredService<CaseSearch>());
        Services.AddSingleton(shared.App.Services.GetRequiredService<CaseReader>());
        Services.AddSingleton(shared.App.Services.GetRequiredService<CaseViews>());
        using var scope = shared.App.Services.CreateScope();
        tina = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync("tier1@supportconsole.local").GetAwaiter().GetResult()!;
        CaseDeskApp.SignIn(this, tina, Roles.Tier1);
        Render<MudBlazor.MudPopoverProvider>();
    }

    public async ValueTask InitializeAsync() => await shared.ResetAsync();

    private async Task<long> NewCaseAsync(string subject)
    {
        using var api = ApiClient.Create(shared.App);
        var response = await api.PostCaseAsync(new { from = "someone@example.org", name = "Someone", subject, body = "text", severity = 3 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(CaseNumber.TryParseReference((await response.JsonAsync()).GetProperty("number").GetString(), out var number));
        return number;
    }

    private async Task ClaimAsync(long number)
    {
        var reader = shared.App.Services.GetRequiredService<CaseReader>();
        var view = (await reader.ByNumberAsync(number))!;
        Assert.True((await shared.App.Services.GetRequiredService<CaseDesk>().ClaimAsync(view.Case.Id, CaseDeskApp.ActorOf(tina))).Succeeded);
    }

    private IRenderedComponent<CaseSearchPage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/cases?{query}");
        return Render<CaseSearchPage>();
    }

    [Fact]
    public async Task The_views_list_counts_each_view_and_a_view_s_link_runs_it()
    {
        var mine = await NewCaseAsync("Ibis export mine");
        var other = await NewCaseAsync("Ibis export nobody's");
        await ClaimAsync(mine);

        var page = Open("q=ibis");

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("#view-count-my-open").TextContent));
        Assert.Equal("0", page.Find("#view-count-customer-replied").TextContent);
        Assert.Equal("0", page.Find("#view-count-resolved-this-week").TextContent);
        Assert.Equal("/cases?view=my-open", page.Find("#view-my-open a").GetAttribute("href"));
        Assert.Equal(5, page.FindAll("#case-views li").Count);
        page.WaitForAssertion(() => Assert.Contains("2 cases", page.Find("#result-count").TextContent));

        var view = Open("view=my-open");

        view.WaitForAssertion(() => Assert.Contains("1 case", view.Find("#result-count").TextContent));
        Assert.Equal("My open", view.Find("h1").TextContent);
        Assert.Equal("page", view.Find("#view-my-open a").GetAttribute("aria-current"));
        Assert.Single(view.FindAll($"#result-{mine}"));
        Assert.Empty(view.FindAll($"#result-{other}"));
        Assert.Empty(view.FindAll("#case-search-form"));
    }

    [Fact]
    public async Task A_search_saved_as_a_view_is_listed_with_its_count_and_runs_from_its_link()
    {
        await NewCaseAsync("Kestrel sync one");
        await NewCaseAsync("Kestrel sync two");
        var page = Open("q=kestrel");
        page.WaitForAssertion(() => Assert.Contains("2 cases", page.Find("#result-count").TextContent));

        page.Find("#save-view-name-input").Change("Kestrel work");
        page.Find("#save-view-button").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches("/cases\\?view=saved-\\d+$", navigation.Uri));
        var key = navigation.Uri[(navigation.Uri.IndexOf("view=", StringComparison.Ordinal) + 5)..];
        var saved = Open($"view={key}");
        saved.WaitForAssertion(() => Assert.Equal("2", saved.Find($"#view-count-{key}").TextContent));
        Assert.Equal("Kestrel work", saved.Find("h1").TextContent);
        Assert.Contains("2 cases", saved.Find("#result-count").TextContent);
    }
}
