using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Components.Layout;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Components;

public sealed class AppBarSearchTests : MudTestContext
{
    [Fact]
    public void Enter_searches_on_the_cases_page()
    {
        AddAuthorization().SetAuthorized("tina@supportconsole.local").SetRoles(Roles.Tier1).SetPolicies(Policies.CaseSearch);
        var box = Render<AppBarSearch>();

        box.Find("#app-search").Input("printer on fire");
        box.Find("#app-search-form").Submit();

        Assert.EndsWith("/cases?q=printer%20on%20fire", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Theory]
    [InlineData("SC-100042")]
    [InlineData("100042")]
    public void A_case_number_opens_the_case(string typed)
    {
        AddAuthorization().SetAuthorized("tina@supportconsole.local").SetRoles(Roles.Tier1).SetPolicies(Policies.CaseSearch);
        var box = Render<AppBarSearch>();

        box.Find("#app-search").Input(typed);
        box.Find("#app-search-form").Submit();

        Assert.EndsWith("/cases/SC-100042", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void The_box_is_labelled_and_registers_the_slash_shortcut()
    {
        AddAuthorization().SetAuthorized("tina@supportconsole.local").SetRoles(Roles.Tier1).SetPolicies(Policies.CaseSearch);
        var box = Render<AppBarSearch>();

        Assert.False(string.IsNullOrWhiteSpace(box.Find("#app-search").GetAttribute("aria-label")));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "supportConsole.focusSearchOnSlash");
    }

    [Fact]
    public void Someone_outside_the_agent_roles_sees_no_box()
    {
        AddAuthorization().SetAuthorized("sol@supportconsole.local").SetRoles(Roles.Sales);

        var box = Render<AppBarSearch>();

        Assert.Empty(box.FindAll("#app-search"));
    }
}
