using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Calls;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;

namespace SupportConsole.Tests.Browser;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on every page, signed in as the person who uses it, in the light and the dark
/// theme (the app bar's toggle), at 1366 and 1024 wide. Any violation fails, naming the rule, its help text and the
/// offending elements. Each person signs in once; each page loads once and is audited four times. The browser asks
/// for reduced motion, which the app honours (no transitions), so a theme switch is complete when it is audited.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser)
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private static readonly ConcurrentDictionary<string, Task<string>> SignedIn = new();

    private const string Tier1 = "tier1@supportconsole.local";
    private const string Tier2 = "tier2@supportconsole.local";
    private const string Manager = "manager@supportconsole.local";
    private const string Admin = "admin@supportconsole.local";

    private static readonly Dictionary<string, string> Passwords = new()
    {
        [Tier1] = "Demo-tier1-1",
        [Tier2] = "Demo-tier2-1",
        [Manager] = "Demo-manager-1",
        [Admin] = "Demo-admin-1",
    };

    /// <summary>Every page, with the person who uses it (null: a public page, which has no theme toggle).</summary>
    public static TheoryData<string, string?> Pages() => new()
    {
        { "/account/login", null },
        { "/submit", null },
        { "/contact", null },
        { "/not-found", null },
        { "/book/{token}", null },
        { "/confirm/{token}", null },
        { "/queues", Tier1 },
        { "/cases", Tier1 },
        { "/cases/first", Tier1 },
        { "/escalated-by-me", Tier1 },
        { "/macros", Tier1 },
        { "/cases?view=my-open", Tier1 },
        { "/account/access-denied", Tier1 },
        { "/escalations", Tier2 },
        { "/calendar", Tier2 },
        { "/dashboard", Manager },
        { "/admin/customers", Manager },
        { "/admin/customers/1", Manager },
        { "/admin/customers/new", Manager },
        { "/admin/holidays", Manager },
        { "/admin/sla-calculator", Manager },
        { "/admin/jobs", Manager },
        { "/admin/quarantine", Manager },
        { "/admin/staff", Manager },
        { "/admin/users", Admin },
        { "/reports", Manager },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_no_WCAG_2_1_AA_violation_in_either_theme_at_1366_and_1024(string path, string? user)
    {
        var state = user is null ? null : await SignedIn.GetOrAdd(user, SignInAsync);
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, BaseURL = browser.BaseUrl, StorageState = state, ReducedMotion = ReducedMotion.Reduce });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync("localStorage.setItem('supportconsole.theme', 'light')");
        var page = await context.NewPageAsync();
        try
        {
            var (casePath, bookPath, confirmPath) = await CasesAsync();
            await page.GotoAsync(path switch
            {
                "/cases/first" => casePath,
                "/book/{token}" => bookPath,
                "/confirm/{token}" => confirmPath,
                _ => path,
            });
            var themed = await page.Locator("#theme-toggle").CountAsync() > 0;
            if (themed)
            {
                await BrowserFixture.WaitForInteractiveAsync(page);
            }
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            // An outline a screen reader can use: one main landmark and one level-1 heading.
            var outline = (Main: await page.Locator("main").CountAsync(), H1: await page.Locator("h1").CountAsync());
            Assert.True(outline == (1, 1), $"{path} has {outline.Main} main landmarks and {outline.H1} h1 headings; it needs one of each");

            var report = new List<string>();
            foreach (var width in new[] { 1366, 1024 })
            {
                await page.SetViewportSizeAsync(width, 768);
                await AuditAsync(page, $"light {width}", report);
                if (themed)
                {
                    await page.ClickAsync("#theme-toggle");
                    await page.WaitForFunctionAsync("() => document.querySelector('.mud-theme-provider, body') && getComputedStyle(document.body).backgroundColor !== 'rgb(245, 247, 250)'");
                    await AuditAsync(page, $"dark {width}", report);
                    await page.ClickAsync("#theme-toggle");
                    await page.WaitForFunctionAsync("() => getComputedStyle(document.body).backgroundColor === 'rgb(245, 247, 250)'");
                }
            }

            Assert.True(report.Count == 0, $"{path}:\n{string.Join("\n", report)}");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task AuditAsync(IPage page, string variant, List<string> report)
    {
        var results = await page.RunAxe(WcagAA);
        foreach (var violation in results.Violations)
        {
            report.Add($"{variant}: {violation.Id} ({violation.Impact}) {violation.Help}: " +
                string.Join(" | ", violation.Nodes.Take(3).Select(n => $"{n.Target} {n.Html[..Math.Min(160, n.Html.Length)]}")) +
                (violation.Nodes.Length > 3 ? $" (+{violation.Nodes.Length - 3} more)" : ""));
        }
    }

    private static Task<(string Case, string Book, string Confirm)>? cases;

    /// <summary>
    /// A priority and a standard case, claimed by the administrator so that no other browser test's "take next" picks
    /// them: the queues have rows to audit, and the first is the case page audited. A booking link mailed for the first,
    /// and a confirmation link mailed for a web-form case from a listed address: the customer's two pages.
    /// </summary>
    private Task<(string Case, string Book, string Confirm)> CasesAsync() => LazyInitializer.EnsureInitialized(ref cases, async () =>
    {
        var services = browser.App.Services;
        using var scope = services.CreateScope();
        var admin = (await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync(Admin))!;
        var actor = new Actor(admin.Id, admin.NameOrEmail, admin.Email!);
        string? path = null;
        SupportCase? first = null;
        foreach (var (from, subject) in new[] { ("dev@acme.example", "Audit: exports fail"), ("pat@example.com", "Audit: a question") })
        {
            var created = (await services.GetRequiredService<CaseIntake>().AcceptAsync(new IntakeRequest(CaseChannel.Email, from, "Audit Sender", subject,
                "Exports fail since the upgrade.", CaseSeverity.High))).Case;
            Assert.True((await services.GetRequiredService<CaseDesk>().ClaimAsync(created.Id, actor)).Succeeded);
            path ??= $"/cases/{CaseNumber.Format(created.Number)}";
            first ??= created;
        }
        var engineer = (await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync(Tier2))!;
        Assert.True((await services.GetRequiredService<BookingLinks>().SendAsync(first!.Id, engineer.Id, TimeSpan.FromMinutes(30), actor)).Succeeded);
        var held = (await services.GetRequiredService<CaseIntake>().AcceptAsync(new IntakeRequest(CaseChannel.Web, "web@acme.example", "Wendy Web", "Audit: from the form",
            "Typed into the form.", CaseSeverity.Normal))).Case;
        await using var db = await services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var mails = await db.Outbox.AsNoTracking().Where(m => m.CaseId == first.Id || m.CaseId == held.Id).ToListAsync();
        string LinkIn(OutboxKind kind, string route) =>
            new Uri(Regex.Match(mails.Single(m => m.Kind == kind).Body, $@"http\S+/{route}/\S+").Value).PathAndQuery;
        return (path!, LinkIn(OutboxKind.BookingLink, "book"), LinkIn(OutboxKind.SenderConfirmation, "confirm"));
    });

    private async Task<string> SignInAsync(string email)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        await browser.SignInAsync(page, email, Passwords[email]);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        var state = await context.StorageStateAsync();
        await context.CloseAsync();
        return state;
    }
}
