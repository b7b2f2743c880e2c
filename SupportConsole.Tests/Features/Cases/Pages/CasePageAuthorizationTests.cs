using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Admin;
using SupportConsole.Features.Cases.Pages;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases.Pages;

/// <summary>
/// Page actions check the acting person's account in the database at the moment of the click, whatever the page's
/// (possibly stale) sign-in says: the case page rendered with bUnit for a person whose page claims Tier 1.
/// </summary>
public sealed class CasePageAuthorizationTests : MudTestContext, IClassFixture<CaseDeskApp>
{
    private const string Password = "Page-actor-1!";
    private readonly CaseDeskApp fixture;
    private readonly IRenderedComponent<MudSnackbarProvider> snackbars;
    private readonly AgentUser actor;

    public CasePageAuthorizationTests(CaseDeskApp fixture)
    {
        this.fixture = fixture;
        fixture.Lend(this);
        actor = NewAgent(Roles.Admin);
        // The page was opened while the account held Tier 1: the claim in the circuit says so, the database does not.
        CaseDeskApp.SignIn(this, actor, Roles.Tier1);
        Render<MudPopoverProvider>();
        snackbars = Render<MudSnackbarProvider>();
    }

    private AgentUser NewAgent(params string[] roles)
    {
        var email = $"actor-{Guid.NewGuid().ToString("N")[..8]}@supportconsole.local";
        var owner = fixture.Agent("admin@supportconsole.local");
        Assert.Empty(fixture.Get<AgentDirectory>().CreateAsync(email, "Page Actor", Password, roles, owner.Id).GetAwaiter().GetResult());
        return fixture.Agent(email);
    }

    private IRenderedComponent<CasePage> RenderCase(SupportCase supportCase)
    {
        var page = Render<CasePage>(p => p.Add(x => x.Number, CaseNumber.Format(supportCase.Number)));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#case-number")));
        return page;
    }

    private async Task<(SupportCase Case, List<CaseEntry> Entries)> StoredAsync(long caseId)
    {
        await using var db = await fixture.Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        return (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId), await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync());
    }

    [Fact]
    public async Task An_account_without_a_tier_role_cannot_claim_from_the_page_and_is_told_why()
    {
        var opened = await fixture.OpenCaseAsync("dev@acme.example", "Dana Dev", "Claim by admin");
        var page = RenderCase(opened);

        page.Find("#claim-case").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("no longer has the", snackbars.Markup));
        Assert.Null((await StoredAsync(opened.Id)).Case.AssigneeId);
    }

    [Fact]
    public async Task An_account_disabled_after_the_page_opened_cannot_reply_and_nothing_is_sent()
    {
        var opened = await fixture.OpenCaseAsync("dev@acme.example", "Dana Dev", "Reply by disabled");
        var page = RenderCase(opened);
        var owner = fixture.Agent("admin@supportconsole.local");
        Assert.Empty(await fixture.Get<AgentDirectory>().SetDisabledAsync(actor.Id, true, owner.Id));

        page.Find("#reply-body").Input("Here is what to do.");
        page.Find("#send-reply").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Your account is disabled.", snackbars.Markup));
        var (stored, entries) = await StoredAsync(opened.Id);
        Assert.Null(stored.FirstRespondedAtUtc);
        Assert.DoesNotContain(entries, e => e.Kind == CaseEntryKind.Reply);
    }
}
