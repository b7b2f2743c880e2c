using System.Net;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Cases.Pages;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases.Pages;

/// <summary>One host on a fake clock for the search page's bUnit tests.</summary>
public sealed class CaseSearchPageApp() : SharedApp(CaseSearchApiTests.Wednesday14Central);

/// <summary>The /cases page rendered with bUnit on the real search service and database.</summary>
public sealed class CaseSearchPageTests : MudTestContext, IClassFixture<CaseSearchPageApp>, IAsyncLifetime
{
    private readonly CaseSearchPageApp shared;

    public CaseSearchPageTests(CaseSearchPageApp shared)
    {
        this.shared = shared;
        Services.AddSingleton(shared.App.Services.GetRequiredService<CaseSearch>());
        Services.AddSingleton(shared.App.Services.GetRequiredService<CaseReader>());
        Services.AddSingleton(shared.App.Services.GetRequiredService<CaseViews>());
        AddAuthorization().SetAuthorized("tier1@supportconsole.local").SetRoles(Roles.Tier1)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, "nobody-in-particular"));
    }

    public async ValueTask InitializeAsync() => await shared.ResetAsync();

    private async Task<string> NewCaseAsync(string subject, string from = "someone@example.org", string name = "Someone")
    {
        using var api = ApiClient.Create(shared.App);
        var response = await api.PostCaseAsync(new { from, name, subject, body = "text", severity = 3 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    private IRenderedComponent<CaseSearchPage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/cases?{query}");
        return Render<CaseSearchPage>();
    }

    [Fact]
    public async Task Renders_the_results_of_a_query_in_an_accessible_table()
    {
        var number = await NewCaseAsync("Axolotl pump leaks", from: "bob@acme.example", name: "Bob Builder");

        var page = Open("q=axolotl");

        page.WaitForAssertion(() => Assert.Contains("1 case", page.Find("#result-count").TextContent));
        var row = page.Find($"#result-{number[3..]}");
        Assert.Equal($"/cases/{number}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Axolotl pump leaks", row.TextContent);
        Assert.Contains("Acme Corp", row.TextContent);
        Assert.Contains("Bob Builder <bob@acme.example>", row.TextContent);
        Assert.Contains("Wed 2026-11-25 14:00:00 CST", row.TextContent);
        Assert.All(page.FindAll("#search-results th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Single(page.FindAll("h1"));
    }

    [Fact]
    public async Task Pages_through_many_results_with_the_total()
    {
        for (var i = 0; i < 3; i++)
        {
            await NewCaseAsync($"Quetzal {i}");
        }

        var page = Open("q=quetzal&page=2&pageSize=2");

        page.WaitForAssertion(() => Assert.Contains("3 cases", page.Find("#result-count").TextContent));
        Assert.Single(page.FindAll("#search-results tbody tr"));
        Assert.Equal("/cases?q=quetzal&pageSize=2", page.Find("#previous-page").GetAttribute("href"));
        Assert.Contains("Page 2 of 2", page.Find("#page-of").TextContent);
    }

    [Fact]
    public void A_case_number_as_the_query_jumps_straight_to_the_case()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();

        var page = Open("q=100042");

        page.WaitForAssertion(() => Assert.EndsWith("/cases/SC-100042", navigation.Uri));
    }

    [Fact]
    public void A_bad_filter_shows_what_is_wrong_instead_of_results()
    {
        var page = Open("status=pending");

        page.WaitForAssertion(() => Assert.Contains("Status is open", page.Find("#search-errors").TextContent));
        Assert.Empty(page.FindAll("#search-results"));
    }
}
