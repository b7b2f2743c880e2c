using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportConsole.Data;
using SupportConsole.Features.Customers;
using SupportConsole.Features.Customers.Pages;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Customers;

/// <summary>The customer page rendered with bUnit on the real <see cref="CustomerBook"/> of a Development app.</summary>
public sealed class CustomerPageEditingTests : MudTestContext, IClassFixture<CustomerApiApp>
{
    private readonly CustomerApiApp fixture;

    public CustomerPageEditingTests(CustomerApiApp fixture)
    {
        this.fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<CustomerBook>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<SupportConsole.Features.PlanTerm.PlanTermTracker>());
        // The page's saves check the manager's account in the database, so the signed-in user is the real demo manager.
        using var scope = fixture.App.Services.CreateScope();
        var managerId = scope.ServiceProvider.GetRequiredService<SupportConsoleDbContext>().Users
            .Where(u => u.Email == "manager@supportconsole.local").Select(u => u.Id).Single();
        AddAuthorization().SetAuthorized("manager@supportconsole.local").SetRoles("Manager")
            .SetClaims(new Claim(ClaimTypes.Email, "manager@supportconsole.local"), new Claim(ClaimTypes.NameIdentifier, managerId));
        Render<MudPopoverProvider>();
    }

    private async Task<long> IdOfAsync(string name) =>
        (await fixture.App.Services.GetRequiredService<CustomerBook>().ListAsync(name)).Single(c => c.Name == name).Id;

    [Fact]
    public async Task Ended_pro_plus_term_says_the_customer_is_now_on_free_support()
    {
        var globex = await IdOfAsync("Globex");
        var page = Render<CustomerPage>(p => p.Add(c => c.Id, globex));

        page.WaitForAssertion(() => Assert.Contains("Free Support", page.Find("#plan-term-status").TextContent));
    }

    [Fact]
    public async Task Adding_another_customers_domain_shows_the_conflict_next_to_the_list_and_saves_nothing()
    {
        var hooli = await IdOfAsync("Hooli");
        var page = Render<CustomerPage>(p => p.Add(c => c.Id, hooli));

        page.Find("#origination-list").Change("hooli.example\nacme.example\nnot a domain");
        await page.Find("#customer-form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("is not a valid entry", page.Find("#origination-errors").TextContent));
        Assert.Empty(page.FindAll("#origination-conflicts"));

        page.Find("#origination-list").Change("hooli.example\nacme.example");
        await page.Find("#customer-form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("acme.example is already on Acme Corp's list", page.Find("#origination-conflicts").TextContent));
        var stored = await fixture.App.Services.GetRequiredService<CustomerBook>().GetAsync(hooli);
        Assert.Equal(["hooli.example"], stored!.OriginationList.Select(e => e.Value));
    }

    [Fact]
    public async Task Saving_a_plan_change_records_the_agent_and_shows_it_in_the_audit_trail()
    {
        var acme = await IdOfAsync("Acme Corp");
        var page = Render<CustomerPage>(p => p.Add(c => c.Id, acme));

        page.Find("#helpdesk-phone").Change("+1 800 555 0100");
        await page.Find("#customer-form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("helpdesk phone changed", page.Find("#audit-trail").TextContent));
        Assert.Contains("manager@supportconsole.local", page.Find("#audit-trail").TextContent);
        Assert.Contains("+1 800 555 0199 → +1 800 555 0100", page.Find("#audit-trail").TextContent);

        var factory = fixture.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var entry = await db.AuditTrail.SingleAsync(e => e.CustomerId == acme);
        Assert.Equal("manager@supportconsole.local", entry.Actor);
    }
}
