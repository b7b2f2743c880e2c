using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Macros;
using static Microsoft.Playwright.Assertions;

namespace SupportConsole.Tests.Browser;

/// <summary>An agent's day on a case in a real browser: find it by a word of the mail, answer it with a macro (Ctrl+M).</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseWorkBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_agent_finds_a_case_by_a_word_only_in_the_mail_body_and_answers_it_with_a_macro()
    {
        SetDefaultExpectTimeout(15_000);
        var services = browser.App.Services;
        var word = "quillwort" + Guid.NewGuid().ToString("N")[..8];
        var supportCase = (await services.GetRequiredService<CaseIntake>().AcceptAsync(new IntakeRequest(CaseChannel.Email, "bri@acme.example", "Bri Browser",
            "Dashboard question", $"The {word} widget shows yesterday's numbers.", CaseSeverity.Normal))).Case;
        var number = CaseNumber.Format(supportCase.Number);
        AgentUser tina;
        using (var scope = services.CreateScope())
        {
            tina = (await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync("tier1@supportconsole.local"))!;
        }
        var macroName = "Browser greeting " + Guid.NewGuid().ToString("N")[..6];
        Assert.True((await services.GetRequiredService<MacroBook>().SaveAsync(tina.Id, tina.Email!,
            new MacroInput(0, macroName, "Hi {{requester.name}}, thanks for {{case.number}}. — {{agent.name}}", false))).Succeeded);

        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "tier1@supportconsole.local", "Demo-tier1-1");
        await Expect(page).ToHaveURLAsync(new Regex("/queues$"));
        await page.GotoAsync("/cases");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.FillAsync("#search-text-input", word);
        await page.PressAsync("#search-text-input", "Enter");
        var row = page.Locator($"#result-{supportCase.Number}");
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.Locator("#result-count")).ToContainTextAsync("1 case");
        await row.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{number}$"));
        await Expect(page.Locator("#case-subject")).ToHaveTextAsync("Dashboard question");

        // The page has registered its Ctrl+M shortcut once its circuit rendered the case.
        await page.WaitForFunctionAsync("() => window.supportConsoleCtrlKeys && window.supportConsoleCtrlKeys.m === 'macro-button'");
        await page.FocusAsync("#reply-body");
        await page.Keyboard.PressAsync("Control+m");
        var search = page.Locator("#macro-search-input");
        await Expect(search).ToBeVisibleAsync();
        await Expect(search).ToBeFocusedAsync();
        await search.FillAsync(macroName);
        await Expect(page.Locator(".macro-option")).ToHaveCountAsync(1);
        await search.PressAsync("Enter");
        var filled = $"Hi Bri Browser, thanks for {number}. — Tina Tier1";
        await Expect(page.Locator("#reply-body")).ToHaveValueAsync(filled);
        await Expect(page.Locator("#macro-search-input")).ToHaveCountAsync(0);

        await page.ClickAsync("#send-reply");

        await Expect(page.Locator(".thread-entry.reply .body")).ToHaveTextAsync(filled);
        await Expect(page.Locator("#reply-body")).ToHaveValueAsync("");
    }
}
