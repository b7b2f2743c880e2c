using Bunit;
using SupportConsole.Components.Layout;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Components;

public sealed class NavMenuTests : MudTestContext
{
    public static TheoryData<string[], string[]> EntriesByRole => new()
    {
        { [Roles.Tier1], ["Cases", "Queues"] },
        { [Roles.Tier2], ["Cases", "Escalations"] },
        { [Roles.Tier3], ["Cases", "Escalations"] },
        { [Roles.Manager], ["Cases", "Queues", "Escalations", "Dashboard", "Reports", "Admin", "Customers", "Holidays", "SLAcalculator", "Quarantine", "Jobs"] },
        { [Roles.Admin], ["Admin", "Users", "Jobs"] },
        { [Roles.Tier1, Roles.Tier2], ["Cases", "Queues", "Escalations"] },
        { [.. Roles.All], ["Cases", "Queues", "Escalations", "Dashboard", "Reports", "Admin", "Customers", "Holidays", "SLAcalculator", "Quarantine", "Users", "Jobs"] },
        { [], [] },
    };

    private static readonly string[] AllEntries = ["Cases", "Queues", "Escalations", "Dashboard", "Reports", "Admin", "Customers", "Holidays", "SLAcalculator", "Quarantine", "Users", "Jobs"];

    [Theory]
    [MemberData(nameof(EntriesByRole))]
    public void Navigation_shows_exactly_the_entries_of_the_users_roles(string[] roles, string[] expected)
    {
        AddAuthorization().SetAuthorized("someone@supportconsole.local").SetRoles(roles);

        var menu = Render<NavMenu>();

        var text = menu.Markup;
        foreach (var entry in expected)
        {
            Assert.Contains($">{entry}<", text.Replace("\n", "").Replace(" ", ""));
        }
        foreach (var absent in AllEntries.Except(expected))
        {
            Assert.DoesNotContain($">{absent}<", text.Replace("\n", "").Replace(" ", ""));
        }
    }

    [Fact]
    public void Manager_sees_the_holidays_and_sla_calculator_entries_with_their_addresses()
    {
        AddAuthorization().SetAuthorized("maria@supportconsole.local").SetRoles(Roles.Manager);

        var menu = Render<NavMenu>();

        Assert.Equal("/admin/holidays", menu.Find("#nav-holidays").GetAttribute("href"));
        Assert.Equal("/admin/sla-calculator", menu.Find("#nav-sla-calculator").GetAttribute("href"));
    }

    [Fact]
    public void Manager_sees_the_jobs_entry_under_admin_linking_to_the_jobs_overview()
    {
        AddAuthorization().SetAuthorized("maria@supportconsole.local").SetRoles(Roles.Manager);

        var menu = Render<NavMenu>();

        Assert.Equal("/admin/jobs", menu.Find("#nav-jobs").GetAttribute("href"));
    }

    [Theory]
    [InlineData(Roles.Tier1)]
    [InlineData(Roles.Tier2)]
    [InlineData(Roles.Tier3)]
    [InlineData(Roles.Manager)]
    public void Every_agent_role_sees_the_cases_entry_linking_to_search(string role)
    {
        AddAuthorization().SetAuthorized("agent@supportconsole.local").SetRoles(role);

        var menu = Render<NavMenu>();

        Assert.Equal("/cases", menu.Find("#nav-cases").GetAttribute("href"));
    }

    [Theory]
    [InlineData(Roles.Sales)]
    [InlineData(Roles.Admin)]
    public void Sales_and_admin_alone_see_no_cases_entry(string role)
    {
        AddAuthorization().SetAuthorized("someone@supportconsole.local").SetRoles(role);

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("#nav-cases"));
    }

    [Fact]
    public void Queues_entry_links_to_the_queues_page()
    {
        AddAuthorization().SetAuthorized("tina@supportconsole.local").SetRoles(Roles.Tier1);

        var menu = Render<NavMenu>();

        Assert.Equal("/queues", menu.Find("#nav-queues").GetAttribute("href"));
    }

    [Fact]
    public void Quarantine_entry_links_to_the_quarantine_page_for_managers()
    {
        AddAuthorization().SetAuthorized("mia@supportconsole.local").SetRoles(Roles.Manager);

        var menu = Render<NavMenu>();

        Assert.Equal("/admin/quarantine", menu.Find("#nav-quarantine").GetAttribute("href"));
    }
}
