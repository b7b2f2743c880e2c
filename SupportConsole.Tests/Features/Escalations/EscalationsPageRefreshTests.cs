using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportConsole.Components.Shared;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Escalations;
using SupportConsole.Features.Staff;
using SupportConsole.Tests.Features.Cases.Pages;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Escalations;

/// <summary>The escalations page when the database stops answering as a case is escalated: the list stays, says it may be stale, and catches up.</summary>
public sealed class EscalationsPageRefreshTests : MudTestContext, IClassFixture<CaseDeskApp>
{
    private readonly CaseDeskApp fixture;
    private readonly SwitchableDbContextFactory factory;

    public EscalationsPageRefreshTests(CaseDeskApp fixture)
    {
        this.fixture = fixture;
        fixture.Lend(this);
        factory = new SwitchableDbContextFactory(fixture.Get<IDbContextFactory<SupportConsoleDbContext>>());
        Services.AddSingleton(new EscalationBoard(factory, fixture.Get<StaffRoster>(), fixture.Clock));
        var (user, roles) = fixture.AgentWithRoles(fixture.Agent("tier2@supportconsole.local").Id);
        CaseDeskApp.SignIn(this, user, roles);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    private async Task<SupportCase> EscalatedCaseAsync(string subject)
    {
        var opened = await fixture.OpenCaseAsync("ops@acme.example", "Omar Ops", subject);
        var result = await fixture.Get<CaseDesk>().EscalateAsync(opened.Id, SupportTier.Tier2, "Needs an engineer.", CaseDeskApp.ActorOf(fixture.Agent("tier1@supportconsole.local")));
        Assert.True(result.Succeeded, result.Message);
        return opened;
    }

    [Fact]
    public async Task An_escalation_the_page_cannot_read_keeps_the_list_says_so_and_the_page_catches_up()
    {
        var first = await EscalatedCaseAsync("Escalated before the outage");
        var page = Render<EscalationsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"#escalation-{first.Number}")));

        factory.Failing = true;
        var second = await EscalatedCaseAsync("Escalated during the outage");
        page.WaitForAssertion(() => Assert.Contains("this list may be out of date", page.Find("#escalations-refresh-failed").TextContent));
        Assert.Single(page.FindAll($"#escalation-{first.Number}"));
        Assert.Empty(page.FindAll($"#escalation-{second.Number}"));

        factory.Failing = false;
        fixture.Clock.Advance(StaleRefresh.Interval);
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("#escalations-refresh-failed"));
            Assert.Single(page.FindAll($"#escalation-{second.Number}"));
        });
    }
}
