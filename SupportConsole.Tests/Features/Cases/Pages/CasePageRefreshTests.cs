using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportConsole.Components.Shared;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Cases.Pages;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases.Pages;

/// <summary>
/// The case page when the database stops answering as another agent changes the case: the agent keeps the case and
/// the reply they are typing (not the error screen), is told the page may be out of date, and the page catches up.
/// </summary>
public sealed class CasePageRefreshTests : MudTestContext, IClassFixture<CaseDeskApp>
{
    private readonly CaseDeskApp fixture;
    private readonly SwitchableDbContextFactory factory;

    public CasePageRefreshTests(CaseDeskApp fixture)
    {
        this.fixture = fixture;
        fixture.Lend(this);
        // The page reads its case through a reader on a connection the test can cut.
        factory = new SwitchableDbContextFactory(fixture.Get<IDbContextFactory<SupportConsoleDbContext>>());
        Services.AddSingleton(new CaseReader(factory, fixture.Get<AttachmentStore>()));
        CaseDeskApp.SignIn(this, fixture.Agent("tier1@supportconsole.local"), Roles.Tier1);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    private static bool HasNote(IRenderedComponent<CasePage> page, string text) =>
        page.FindAll("#thread .thread-entry").Any(e => e.GetAttribute("data-kind") == nameof(CaseEntryKind.InternalNote) && e.TextContent.Contains(text));

    [Fact]
    public async Task A_change_the_page_cannot_read_keeps_the_case_and_the_reply_being_typed_and_the_page_catches_up()
    {
        var opened = await fixture.OpenCaseAsync("ann@acme.example", "Ann Archer", "Outage while typing");
        var page = Render<CasePage>(p => p.Add(x => x.Number, CaseNumber.Format(opened.Number)));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#case-number")));
        page.WaitForAssertion(() => page.Find("#reply-body").Input("Half-written answer about the export."));
        var theo = CaseDeskApp.ActorOf(fixture.Agent("tier1b@supportconsole.local"));

        factory.Failing = true;
        await fixture.Get<CaseDesk>().AddNoteAsync(opened.Id, theo, "Note written during the outage.");

        page.WaitForAssertion(() => Assert.Contains("this case may be out of date", page.Find("#case-refresh-failed").TextContent));
        Assert.Contains("what you have typed is kept", page.Find("#case-refresh-failed").TextContent);
        Assert.Equal(CaseNumber.Format(opened.Number), page.Find("#case-number").TextContent);
        Assert.Equal("Half-written answer about the export.", page.Find("#reply-body").GetAttribute("value"));
        Assert.False(HasNote(page, "Note written during the outage."));

        // "Refresh now" while the database is still down: tried, and the notice stays.
        var attempts = factory.Attempts;
        page.WaitForAssertion(() => page.Find("#case-refresh-failed-now").Click());
        page.WaitForAssertion(() => Assert.True(factory.Attempts > attempts));
        Assert.Single(page.FindAll("#case-refresh-failed"));

        // The database answers again: the page's own retry, an interval later, reads the case.
        factory.Failing = false;
        fixture.Clock.Advance(StaleRefresh.Interval);
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("#case-refresh-failed"));
            Assert.True(HasNote(page, "Note written during the outage."));
        });
        Assert.Equal("Half-written answer about the export.", page.Find("#reply-body").GetAttribute("value"));
    }
}
