using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases.Pages;
using SupportConsole.Features.Macros;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases.Pages;

/// <summary>
/// The case page's macro picker on the real desk and macro book, signed in as Tina Tier1 (clock: Wednesday 2026-11-18
/// 09:00 CST): it opens, filters as she types, and the chosen macro fills the reply with the case's values and stages
/// its status and severity for the send.
/// </summary>
public sealed class MacroPickerTests : MudTestContext, IClassFixture<CaseDeskApp>
{
    private readonly CaseDeskApp fixture;
    private readonly AgentUser tina;

    public MacroPickerTests(CaseDeskApp fixture)
    {
        this.fixture = fixture;
        fixture.Lend(this);
        tina = fixture.Agent("tier1@supportconsole.local");
        CaseDeskApp.SignIn(this, tina, Roles.Tier1);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    private async Task<(string Greeting, string Other)> MacrosAsync()
    {
        var book = fixture.Get<MacroBook>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var greeting = $"Greeting {suffix}";
        var other = $"Closing {suffix}";
        Assert.True((await book.SaveAsync(tina.Id, tina.Email!, new MacroInput(0, greeting,
            "Hi {{requester.name}}, about {{case.number}} for {{customer.name}}: we answer {{case.due}}. {{ticket.ref}} — {{agent.name}}", false,
            CaseStatus.WaitingOnCustomer, CaseSeverity.High))).Succeeded);
        Assert.True((await book.SaveAsync(tina.Id, tina.Email!, new MacroInput(0, other, "Closing this one.", false))).Succeeded);
        return (greeting, other);
    }

    [Fact]
    public async Task The_picker_opens_filters_and_fills_the_reply_then_sending_applies_the_staged_status_and_severity()
    {
        var (greeting, other) = await MacrosAsync();
        var opened = await fixture.OpenCaseAsync("dev@acme.example", "Dana Dev", "Macro target");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<CasePage>(p => p.Add(x => x.Number, CaseNumber.Format(opened.Number)));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#macro-button")));

        page.Find("#macro-button").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("#macro-search-input")));
        Assert.Contains(greeting, dialogs.Find("#macro-list").TextContent);
        Assert.Contains(other, dialogs.Find("#macro-list").TextContent);

        dialogs.Find("#macro-search-input").Input(greeting.Split(' ')[1] + " greet");
        dialogs.WaitForAssertion(() => Assert.DoesNotContain(other, dialogs.Find("#macro-list").TextContent));
        dialogs.FindAll(".macro-option")[0].Click();

        var number = CaseNumber.Format(opened.Number);
        page.WaitForAssertion(() => Assert.Equal(
            $"Hi Dana Dev, about {number} for Acme Corp: we answer by Friday 9:00 AM Central. {{{{ticket.ref}}}} — Tina Tier1",
            ReplyText(page)));
        Assert.Contains("{{ticket.ref}}", page.Find("#macro-unresolved").TextContent);
        Assert.Contains("High", page.Find("#macro-staged-severity").TextContent);
        Assert.Empty(dialogs.FindAll("#macro-search-input"));

        // Nothing changed on the case yet: the status and severity wait for the send.
        await using (var db = await fixture.Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync())
        {
            var before = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == opened.Id);
            Assert.Equal(CaseStatus.Open, before.Status);
            Assert.Equal(CaseSeverity.Normal, before.Severity);
        }
        page.Find("#send-reply").Click();

        await using var check = await fixture.Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        page.WaitForAssertion(() =>
        {
            var after = check.Cases.AsNoTracking().Single(c => c.Id == opened.Id);
            Assert.Equal(CaseStatus.WaitingOnCustomer, after.Status);
            Assert.Equal(CaseSeverity.High, after.Severity);
        }, TimeSpan.FromSeconds(10));
        var entries = await check.CaseEntries.AsNoTracking().Where(e => e.CaseId == opened.Id).ToListAsync();
        Assert.Contains(entries, e => e.Kind == CaseEntryKind.Reply && e.Body.StartsWith("Hi Dana Dev, about " + number, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Kind == CaseEntryKind.SystemEvent && e.Body.Contains($"set by the macro \"{greeting}\"", StringComparison.Ordinal));
    }

    private static string? ReplyText(IRenderedComponent<CasePage> page)
    {
        var box = page.Find("#reply-body");
        var area = box.TagName == "TEXTAREA" ? box : box.QuerySelector("textarea");
        return area?.GetAttribute("value") ?? area?.TextContent ?? box.OuterHtml;
    }

    [Fact]
    public async Task A_filter_nothing_matches_says_so_and_cancel_leaves_the_reply_alone()
    {
        await MacrosAsync();
        var opened = await fixture.OpenCaseAsync("dev@acme.example", "Dana Dev", "Macro none");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<CasePage>(p => p.Add(x => x.Number, CaseNumber.Format(opened.Number)));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#macro-button")));

        page.Find("#macro-button").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("#macro-search-input")));
        dialogs.Find("#macro-search-input").Input("zzzz-nothing");
        dialogs.WaitForAssertion(() => Assert.Contains("No macro matches", dialogs.Find("#macro-no-match").TextContent));
        dialogs.Find("#macro-cancel").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#macro-search-input")));
        Assert.Empty(page.FindAll("#macro-unresolved"));
    }
}
