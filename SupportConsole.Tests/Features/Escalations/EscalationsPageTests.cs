using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Escalations;
using SupportConsole.Tests.Features.Cases.Pages;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Escalations;

/// <summary>
/// The escalations page rendered with bUnit on the real board, desk and notifier of a Development app, signed in as
/// Sam Tier2 with the roles his account holds (the page's policy admits Tier 2, Tier 3 and managers). Cases are
/// escalated by Tina Tier1 through the real desk, which assigns each at once to an engineer of its tier (Sam or Ada
/// Admin, who holds every role, for Tier 2), so the pick-up tests sign in as whichever engineer the desk chose.
/// </summary>
public sealed class EscalationsPageTests : MudTestContext, IClassFixture<CaseDeskApp>
{
    private readonly CaseDeskApp fixture;
    private readonly AgentUser sam;
    private readonly Actor tina;
    private readonly IRenderedComponent<MudSnackbarProvider> snackbars;
    private readonly BunitAuthorizationContext authorization;

    public EscalationsPageTests(CaseDeskApp fixture)
    {
        this.fixture = fixture;
        fixture.Lend(this);
        sam = fixture.Agent("tier2@supportconsole.local");
        tina = CaseDeskApp.ActorOf(fixture.Agent("tier1@supportconsole.local"));
        authorization = AddAuthorization(); // signed in per test, once the test knows as whom
        Render<MudPopoverProvider>();
        snackbars = Render<MudSnackbarProvider>();
    }

    private const string Reason = "Tried the usual; needs an engineer.";

    private async Task<SupportCase> EscalatedCaseAsync(string subject, SupportTier tier = SupportTier.Tier2)
    {
        var opened = await fixture.OpenCaseAsync("ops@acme.example", "Omar Ops", subject);
        var result = await fixture.Get<CaseDesk>().EscalateAsync(opened.Id, tier, Reason, tina);
        Assert.True(result.Succeeded, result.Message);
        return opened;
    }

    /// <summary>Renders the page for <paramref name="viewer"/> (Sam Tier2 unless said) with the roles their account holds.</summary>
    private IRenderedComponent<EscalationsPage> RenderPage(AgentUser? viewer = null)
    {
        var (user, roles) = fixture.AgentWithRoles((viewer ?? sam).Id);
        CaseDeskApp.SignIn(authorization, user, roles);
        var page = Render<EscalationsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#load-heading")));
        return page;
    }

    private static IElement? Row(IRenderedComponent<EscalationsPage> page, SupportCase supportCase) =>
        page.FindAll($"#escalation-{supportCase.Number}").SingleOrDefault();

    private static IElement ListedRow(IRenderedComponent<EscalationsPage> page, SupportCase supportCase) =>
        Row(page, supportCase) ?? throw new Xunit.Sdk.XunitException($"{CaseNumber.Format(supportCase.Number)} is not listed.");

    private static string TierOf(IElement row) => row.QuerySelector("td:nth-child(2) strong")!.TextContent.Trim();

    private static string PickupOf(IElement row) => row.QuerySelector("td:nth-child(4)")!.TextContent.Trim();

    private static string EngineerOf(IElement row) => row.QuerySelector("td:nth-child(5)")!.TextContent;

    private async Task<(string? CaseAssignee, DateTime? PickedUpAtUtc)> StoredAsync(long caseId)
    {
        await using var db = await fixture.Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var assignee = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.AssigneeId).SingleAsync();
        var pickedUp = await db.Escalations.AsNoTracking().Where(e => e.CaseId == caseId && e.EndedAtUtc == null).Select(e => e.PickedUpAtUtc).SingleAsync();
        return (assignee, pickedUp);
    }

    [Fact]
    public async Task An_escalated_case_is_listed_with_its_tier_reason_customer_and_a_link_to_its_page()
    {
        var escalated = await EscalatedCaseAsync("Replication lag");

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.NotNull(Row(page, escalated)));
        var row = ListedRow(page, escalated);
        Assert.Equal("Tier 2", TierOf(row));
        Assert.Contains(escalated.Subject, row.TextContent);
        Assert.Contains(Reason, row.TextContent);
        Assert.Contains("by Tina Tier1", row.TextContent);
        Assert.Contains("Acme Corp", row.TextContent);
        Assert.Equal($"/cases/{CaseNumber.Format(escalated.Number)}", row.QuerySelector("td:first-child a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Cases_not_escalated_or_no_longer_open_are_not_listed()
    {
        var notEscalated = await fixture.OpenCaseAsync("ops@acme.example", "Omar Ops", "Still with Tier 1");
        var resolved = await EscalatedCaseAsync("Escalated then resolved");
        Assert.True((await fixture.Get<CaseDesk>().ChangeStatusAsync(resolved.Id, CaseStatus.Resolved, tina)).Succeeded);
        var listed = await EscalatedCaseAsync("Escalated and open");

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.NotNull(Row(page, listed)));
        Assert.Null(Row(page, notEscalated));
        Assert.DoesNotContain(notEscalated.Subject, page.Markup);
        Assert.Null(Row(page, resolved));
        Assert.DoesNotContain(resolved.Subject, page.Markup);
    }

    [Fact]
    public async Task Picking_up_an_escalation_makes_it_the_engineers_and_stops_its_pickup_clock()
    {
        var escalated = await EscalatedCaseAsync("Index corruption");
        var (assignee, pickedUpBefore) = await StoredAsync(escalated.Id);
        Assert.Null(pickedUpBefore);
        // Escalating may already have chosen a Tier 2 engineer; that engineer (or Sam, when nobody was chosen) picks it up.
        var engineer = assignee is null ? sam : fixture.AgentWithRoles(assignee).User;
        var page = RenderPage(engineer);
        page.WaitForAssertion(() => Assert.NotNull(Row(page, escalated)));
        Assert.StartsWith("pick up within", PickupOf(ListedRow(page, escalated)));

        ListedRow(page, escalated).QuerySelector("button.pick-up")!.Click();

        snackbars.WaitForAssertion(() => Assert.Contains($"{CaseNumber.Format(escalated.Number)} is yours.", snackbars.Markup));
        var (assigneeAfter, pickedUp) = await StoredAsync(escalated.Id);
        Assert.Equal(engineer.Id, assigneeAfter);
        Assert.Equal(CaseDeskApp.WednesdayNine.UtcDateTime, pickedUp);
        page.WaitForAssertion(() => Assert.Null(ListedRow(page, escalated).QuerySelector("button.pick-up")));
        Assert.NotNull(page.Find("#mine-table").QuerySelector($"#escalation-{escalated.Number}"));
        Assert.Contains(engineer.NameOrEmail, EngineerOf(ListedRow(page, escalated)));
        Assert.StartsWith("picked up", PickupOf(ListedRow(page, escalated)));
    }

    [Fact]
    public async Task A_tier_3_escalation_says_tier_3_and_a_tier_2_engineer_cannot_pick_it_up()
    {
        var escalated = await EscalatedCaseAsync("Kernel panic", SupportTier.Tier3);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.NotNull(Row(page, escalated)));
        var row = ListedRow(page, escalated);
        Assert.Equal("Tier 3", TierOf(row));
        Assert.Null(row.QuerySelector("button.pick-up"));
        Assert.NotEqual(sam.Id, (await StoredAsync(escalated.Id)).CaseAssignee);
    }

    [Fact]
    public async Task A_case_escalated_while_the_page_is_open_appears_without_a_reload()
    {
        var page = RenderPage();

        var escalated = await EscalatedCaseAsync("Arrives live");

        page.WaitForAssertion(() => Assert.Equal("Tier 2", TierOf(ListedRow(page, escalated))));
    }

    [Fact]
    public async Task A_pick_up_by_another_engineer_shows_on_an_open_page_without_a_reload()
    {
        var escalated = await EscalatedCaseAsync("Picked up elsewhere");
        var ada = fixture.Agent("admin@supportconsole.local"); // holds every role, Tier 2 among them
        var assignee = (await StoredAsync(escalated.Id)).CaseAssignee;
        var other = assignee is null ? ada : fixture.AgentWithRoles(assignee).User;
        var page = RenderPage(other.Id == sam.Id ? ada : sam);
        page.WaitForAssertion(() => Assert.StartsWith("pick up within", PickupOf(ListedRow(page, escalated))));

        var result = await fixture.Get<CaseDesk>().PickUpAsync(escalated.Id, CaseDeskApp.ActorOf(other));
        Assert.True(result.Succeeded, result.Message);

        page.WaitForAssertion(() => Assert.StartsWith("picked up", PickupOf(ListedRow(page, escalated))));
        Assert.NotNull(page.Find("#others-table").QuerySelector($"#escalation-{escalated.Number}"));
        Assert.Contains(other.NameOrEmail, EngineerOf(ListedRow(page, escalated)));
        Assert.Null(ListedRow(page, escalated).QuerySelector("button.pick-up"));
    }
}
