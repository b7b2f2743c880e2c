using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SupportConsole.Tests.Browser;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on every page, signed in as the person who uses it, in the light and the dark
/// theme, at 1366 and 1024 wide. Any violation fails, with the rule, the help text and the offending elements.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser)
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static TheoryData<string, string?, string?> Pages() => new()
    {
        { "/account/login", null, null },
        { "/submit", null, null },
        { "/contact", null, null },
        { "/queues", "tier1@supportconsole.local", "Demo-tier1-1" },
        { "/cases/SC-100000", "tier1@supportconsole.local", "Demo-tier1-1" },
        { "/escalations", "tier2@supportconsole.local", "Demo-tier2-1" },
        { "/escalated-by-me", "tier1@supportconsole.local", "Demo-tier1-1" },
        { "/calendar", "tier2@supportconsole.local", "Demo-tier2-1" },
        { "/dashboard", "manager@supportconsole.local", "Demo-manager-1" },
        { "/admin/customers", "manager@supportconsole.local", "Demo-manager-1" },
        { "/admin/customers/1", "manager@supportconsole.local", "Demo-manager-1" },
        { "/admin/customers/new", "manager@supportconsole.local", "Demo-manager-1" },
        { "/admin/holidays", "manager@supportconsole.local", "Demo-manager-1" },
        { "/admin/sla-calculator", "manager@supportconsole.local", "Demo-manager-1" },
        { "/admin/jobs", "manager@supportconsole.local", "Demo-manager-1" },
        { "/admin/quarantine", "manager@supportconsole.local", "Demo-manager-1" },
        { "/admin/staff", "manager@supportconsole.local", "Demo-manager-1" },
        { "/admin/users", "admin@supportconsole.local", "Demo-admin-1" },
        { "/account/access-denied", "tier1@supportconsole.local", "Demo-tier1-1" },
        { "/not-found", null, null },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_no_WCAG_2_1_AA_violation_in_either_theme_at_1366_and_1024(string path, string? email, string? password)
    {
        var report = new List<string>();
        foreach (var (theme, width) in new[] { ("light", 1366), ("dark", 1366), ("light", 1024), ("dark", 1024) })
        {
            var page = await browser.NewPageAsync(width);
            await page.Context.AddInitScriptAsync($"localStorage.setItem('supportconsole.theme', '{theme}')");
            if (email is not null)
            {
                await browser.SignInAsync(page, email, password!);
                await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            }
            await page.GotoAsync(path);
            if (email is not null)
            {
                await BrowserFixture.WaitForInteractiveAsync(page);
            }
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var results = await page.RunAxe(WcagAA);
            foreach (var violation in results.Violations)
            {
                report.Add($"{theme} {width}: {violation.Id} ({violation.Impact}) {violation.Help}: " +
                    string.Join(" | ", violation.Nodes.Take(3).Select(n => $"{n.Target} {n.Html[..Math.Min(160, n.Html.Length)]}")) +
                    (violation.Nodes.Length > 3 ? $" (+{violation.Nodes.Length - 3} more)" : ""));
            }
            await page.Context.CloseAsync();
        }

        Assert.True(report.Count == 0, $"{path}:\n{string.Join("\n", report)}");
    }
}
