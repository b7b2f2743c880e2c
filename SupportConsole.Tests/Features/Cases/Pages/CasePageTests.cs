using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Cases.Pages;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases.Pages;

/// <summary>
/// The case page rendered with bUnit on the real desk, reader and notifier of a Development app, signed in as
/// Tina Tier1. The app's clock stands at Wednesday 2026-11-18 09:00 CST, so a Pro Plus case that arrives now is due
/// 24 Tier 1 hours (07:00–19:00 CST) later: Friday 09:00 CST.
/// </summary>
public sealed class CasePageTests : MudTestContext, IClassFixture<CaseDeskApp>
{
    private readonly CaseDeskApp fixture;
    private readonly AgentUser tina;
    private readonly IRenderedComponent<MudSnackbarProvider> snackbars;

    public CasePageTests(CaseDeskApp fixture)
    {
        this.fixture = fixture;
        fixture.Lend(this);
        tina = fixture.Agent("tier1@supportconsole.local");
        CaseDeskApp.SignIn(this, tina, Roles.Tier1);
        Render<MudPopoverProvider>();
        snackbars = Render<MudSnackbarProvider>();
    }

    private IRenderedComponent<CasePage> RenderCase(string number)
    {
        var page = Render<CasePage>(p => p.Add(x => x.Number, number));
        page.WaitForAssertion(() => Assert.True(page.FindAll("#case-number").Count == 1 || page.FindAll("#case-not-found").Count == 1));
        return page;
    }

    private IRenderedComponent<CasePage> RenderCase(SupportCase supportCase) => RenderCase(CaseNumber.Format(supportCase.Number));

    /// <summary>
    /// Clicks once the element's handler is current: the page draws again as its loads finish and as the case's own
    /// change notices arrive, and a click on a handler that a newer render replaced is refused by bUnit (retried here).
    /// </summary>
    private static void Click(IRenderedComponent<CasePage> page, string selector) => page.WaitForAssertion(() => page.Find(selector).Click());

    private async Task<SupportCase> StoredAsync(long caseId)
    {
        await using var db = await fixture.Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
    }

    private async Task<List<CaseEntry>> EntriesAsync(long caseId)
    {
        await using var db = await fixture.Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        return await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task A_case_shows_its_subject_sender_queue_sla_and_thread()
    {
        var opened = await fixture.OpenCaseAsync("dev@acme.example", "Dana Dev", "Totals off by one day", "After the upgrade the monthly totals are off by one day.");

        var page = RenderCase(opened);

        Assert.Equal(CaseNumber.Format(opened.Number), page.Find("#case-number").TextContent);
        Assert.Equal(opened.Subject, page.Find("#case-subject").TextContent);
        Assert.Contains("Dana Dev <dev@acme.example>", page.Find("#customer-card").TextContent);
        Assert.Equal("Acme Corp", page.Find("#customer-name").TextContent);
        Assert.Equal("Priority queue", page.Find("#case-queue").TextContent.Trim());
        Assert.Equal("Unassigned", page.Find("#case-assignee").TextContent);
        Assert.Single(page.FindAll("#claim-case"));

        Assert.Equal("Fri 2026-11-20 09:00:00 CST", page.Find("#sla-due").TextContent);
        Assert.Equal("24h 00m 00s of Tier 1 time", page.Find("#sla-remaining").TextContent);
        Assert.Contains("Remaining", page.Find("#sla-remaining").ParentElement!.TextContent);
        Assert.Empty(page.FindAll("#sla-first-response"));

        var entries = page.FindAll("#thread .thread-entry");
        Assert.True(entries.Count >= 2, $"expected the customer's message and the routing event, found {entries.Count} entries");
        Assert.Equal(nameof(CaseEntryKind.CustomerMessage), entries[0].GetAttribute("data-kind"));
        Assert.Equal("After the upgrade the monthly totals are off by one day.", entries[0].QuerySelector(".body")!.TextContent);
        Assert.Contains("dev@acme.example", entries[0].QuerySelector(".who")!.TextContent);
        Assert.Contains(entries, e => e.GetAttribute("data-kind") == nameof(CaseEntryKind.SystemEvent) && e.TextContent.Contains("Routed to the priority queue"));
    }

    [Fact]
    public async Task A_case_from_a_free_support_customer_shows_the_standard_queue_and_no_due_instant()
    {
        var opened = await fixture.OpenCaseAsync("gavin@hooli.example", "Gavin Belson", "Dark mode for reports");

        var page = RenderCase(opened);

        Assert.Equal("Standard queue", page.Find("#case-queue").TextContent.Trim());
        Assert.Equal("Hooli", page.Find("#customer-name").TextContent);
        Assert.Empty(page.FindAll("#sla-due"));
        Assert.Empty(page.FindAll("#sla-remaining"));
        Assert.Contains("No commitment on this plan", page.Find("#sla-card").TextContent);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("SC-1")]
    [InlineData("0")]
    [InlineData("99999")]
    [InlineData("SC-")]
    [InlineData("")]
    [InlineData("SC-100000.5")]
    [InlineData("99999999999999999999999")]
    [InlineData("SC-999999999")]
    [InlineData("999999999")]
    public void An_unknown_or_malformed_number_shows_not_found_instead_of_throwing(string number)
    {
        var page = RenderCase(number);

        Assert.Contains($"There is no case {number}.", page.Find("#case-not-found").TextContent);
        Assert.Empty(page.FindAll("#case-number"));
        Assert.Empty(page.FindAll("#claim-case"));
    }

    [Fact]
    public async Task The_bare_number_and_lower_case_reference_open_the_same_case()
    {
        var opened = await fixture.OpenCaseAsync("ops@acme.example", "Omar Ops", "Export times out");

        foreach (var reference in new[] { opened.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "sc-" + opened.Number })
        {
            var page = RenderCase(reference);
            Assert.Equal(opened.Subject, page.Find("#case-subject").TextContent);
        }
    }

    [Fact]
    public async Task Claim_assigns_the_case_to_the_signed_in_agent_and_says_so()
    {
        var opened = await fixture.OpenCaseAsync("ann@acme.example", "Ann Archer", "Rotate the signing key");
        var page = RenderCase(opened);

        Click(page, "#claim-case");

        page.WaitForAssertion(() => Assert.Equal("Assigned to Tina Tier1", page.Find("#case-assignee").TextContent));
        Assert.Empty(page.FindAll("#claim-case"));
        Assert.Single(page.FindAll("#release-case"));
        snackbars.WaitForAssertion(() => Assert.Contains($"{CaseNumber.Format(opened.Number)} is yours.", snackbars.Markup));
        Assert.Equal(tina.Id, (await StoredAsync(opened.Id)).AssigneeId);
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("#thread .thread-entry"), e => e.TextContent.Contains("Tina Tier1 claimed the case.")));
    }

    [Fact]
    public async Task Claim_on_a_case_another_agent_took_meanwhile_names_them_and_leaves_it_with_them()
    {
        var opened = await fixture.OpenCaseAsync("carl@acme.example", "Carl", "Claim race");
        var page = RenderCase(opened);
        var theo = fixture.Agent("tier1b@supportconsole.local");
        // Theo claims while the page still offers Claim: hold back the page's reload by claiming through the database directly.
        await using (var db = await fixture.Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Cases.SingleAsync(c => c.Id == opened.Id);
            stored.AssigneeId = theo.Id;
            stored.Version++;
            await db.SaveChangesAsync();
        }

        Click(page, "#claim-case");

        snackbars.WaitForAssertion(() => Assert.Contains($"Theo Tier1 already has {CaseNumber.Format(opened.Number)}.", snackbars.Markup));
        page.WaitForAssertion(() => Assert.Equal("Assigned to Theo Tier1", page.Find("#case-assignee").TextContent));
        Assert.Equal(theo.Id, (await StoredAsync(opened.Id)).AssigneeId);
    }

    [Fact]
    public async Task Sending_a_reply_records_the_first_response_and_stops_the_countdown()
    {
        var opened = await fixture.OpenCaseAsync("dev@acme.example", "Dana Dev", "Webhook retries");
        var page = RenderCase(opened);
        Assert.Null((await StoredAsync(opened.Id)).FirstRespondedAtUtc);

        page.Find("#reply-body").Input("We are looking into the retries now.");
        Click(page, "#send-reply");

        snackbars.WaitForAssertion(() => Assert.Contains("Reply sent to dev@acme.example: first response recorded.", snackbars.Markup));
        var stored = await StoredAsync(opened.Id);
        Assert.Equal(CaseDeskApp.WednesdayNine.UtcDateTime, stored.FirstRespondedAtUtc);
        var reply = Assert.Single(await EntriesAsync(opened.Id), e => e.Kind == CaseEntryKind.Reply);
        Assert.Equal("We are looking into the retries now.", reply.Body);
        Assert.Equal(tina.Email, reply.Author);

        page.WaitForAssertion(() => Assert.Equal("Wed 2026-11-18 09:00:00 CST", page.Find("#sla-first-response").TextContent));
        Assert.Empty(page.FindAll("#sla-remaining"));
        Assert.Contains(page.FindAll("#thread .thread-entry"), e => e.GetAttribute("data-kind") == nameof(CaseEntryKind.Reply) && e.TextContent.Contains("We are looking into the retries now."));
        // Agents by their name (the address on hover); the customer by their address.
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("#thread .thread-entry .author"), a => a.TextContent == "Tina Tier1" && a.GetAttribute("title") == tina.Email));
        Assert.Contains(page.FindAll("#thread .thread-entry .author"), a => a.TextContent == "dev@acme.example");
        Assert.Equal("", page.Find("#reply-body").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task An_empty_reply_is_refused_and_records_nothing()
    {
        var opened = await fixture.OpenCaseAsync("dev@acme.example", "Dana Dev", "Empty reply");
        var page = RenderCase(opened);

        Click(page, "#send-reply");

        snackbars.WaitForAssertion(() => Assert.Contains("Write the reply first.", snackbars.Markup));
        Assert.Null((await StoredAsync(opened.Id)).FirstRespondedAtUtc);
        Assert.DoesNotContain(await EntriesAsync(opened.Id), e => e.Kind == CaseEntryKind.Reply);
        Assert.Single(page.FindAll("#sla-remaining"));
    }

    [Fact]
    public async Task Escalating_with_a_reason_moves_the_case_to_tier_2()
    {
        var opened = await fixture.OpenCaseAsync("ops@acme.example", "Omar Ops", "Database deadlocks");
        var page = RenderCase(opened);
        Click(page, "#claim-case");
        page.WaitForAssertion(() => Assert.Equal("Assigned to Tina Tier1", page.Find("#case-assignee").TextContent));

        // The claim's own reload finishes after the assignee shows (the notifier can redraw first): until then the
        // page's actions are disabled.
        page.WaitForAssertion(() => Assert.False(page.Find("#escalate").HasAttribute("disabled")));
        page.Find("#escalate-reason").Change("Restarted the job twice; deadlock graph attached.");
        Click(page, "#escalate");

        snackbars.WaitForAssertion(() => Assert.Contains($"{CaseNumber.Format(opened.Number)} is escalated to Tier 2", snackbars.Markup));
        var stored = await StoredAsync(opened.Id);
        Assert.Equal(SupportTier.Tier2, stored.Tier);
        Assert.NotEqual(tina.Id, stored.AssigneeId); // the case leaves its Tier 1 assignee
        Assert.Contains(await EntriesAsync(opened.Id), e => e.Kind == CaseEntryKind.SystemEvent
            && e.Body == "Tina Tier1 escalated the case to Tier 2: Restarted the job twice; deadlock graph attached.");
        page.WaitForAssertion(() => Assert.Equal("Priority queue · Tier 2", page.Find("#case-queue").TextContent.Trim()));
        Assert.DoesNotContain("Tina Tier1", page.Find("#case-assignee").TextContent);
        Assert.Equal("Restarted the job twice; deadlock graph attached.", page.Find("#escalation-reason").TextContent);
        Assert.StartsWith("by Tina Tier1, Wed 2026-11-18 09:00:00 CST", page.Find("#escalated-by").TextContent);
    }

    [Fact]
    public async Task Escalating_without_a_reason_is_refused_and_the_case_stays_with_tier_1()
    {
        var opened = await fixture.OpenCaseAsync("ops@acme.example", "Omar Ops", "No reason given");
        var page = RenderCase(opened);

        Click(page, "#escalate");

        snackbars.WaitForAssertion(() => Assert.Contains("Say why it needs Tier 2", snackbars.Markup));
        Assert.Equal(SupportTier.Tier1, (await StoredAsync(opened.Id)).Tier);
        Assert.Equal("Priority queue", page.Find("#case-queue").TextContent.Trim());
    }

    [Fact]
    public async Task A_change_by_another_agent_shows_up_without_a_reload_and_names_them()
    {
        var opened = await fixture.OpenCaseAsync("ann@acme.example", "Ann Archer", "Live update");
        var page = RenderCase(opened);
        var theo = fixture.Agent("tier1b@supportconsole.local");

        await fixture.Get<CaseDesk>().AddNoteAsync(opened.Id, CaseDeskApp.ActorOf(theo), "Customer called, will send logs.");

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("#thread .thread-entry"),
            e => e.GetAttribute("data-kind") == nameof(CaseEntryKind.InternalNote) && e.TextContent.Contains("Customer called, will send logs.")));
        Assert.Equal("Updated by Theo Tier1", page.Find("#case-updated").TextContent);
    }

    [Fact]
    public async Task The_page_and_its_panels_leave_the_notifier_when_they_are_disposed()
    {
        var opened = await fixture.OpenCaseAsync("ann@acme.example", "Ann Archer", "Dispose");
        var notifier = fixture.Get<CaseChangeNotifier>();
        var before = notifier.SubscriberCount;

        RenderCase(opened);
        Assert.True(notifier.SubscriberCount > before, "the open page listens for changes to its case");

        await DisposeComponentsAsync();
        Assert.Equal(before, notifier.SubscriberCount);
    }
}
