using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using static Microsoft.Playwright.Assertions;

namespace SupportConsole.Tests.Browser;

/// <summary>
/// The desk without a mouse: after signing in, every step is a key press (the queues' shortcuts, Tab to reach a
/// control, typing, Enter). Tab order is checked by walking to each control with Tab alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardBrowserTests(BrowserFixture browser)
{
    /// <summary>Presses Tab until the focused element has <paramref name="id"/>; fails when it is not reachable.</summary>
    private static async Task TabToAsync(IPage page, string id, int limit = 120)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.id") == id)
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"#{id} was not reached with {limit} presses of Tab");
    }

    [Fact]
    public async Task A_tier1_agent_takes_next_replies_and_escalates_with_the_keyboard_alone()
    {
        var services = browser.App.Services;
        var ours = (await services.GetRequiredService<CaseIntake>().AcceptAsync(new IntakeRequest(CaseChannel.Email, "keys@acme.example", "Kim Keys",
            "Keyboard flow " + Guid.NewGuid().ToString("N")[..6], "The sync stopped overnight.", CaseSeverity.High))).Case;
        // Everything else open and unclaimed goes to the administrator, so "take next" has exactly one candidate: ours.
        using (var scope = services.CreateScope())
        {
            var admin = (await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync("admin@supportconsole.local"))!;
            var actor = new Actor(admin.Id, admin.NameOrEmail, admin.Email!);
            await using var db = await services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
            var others = await db.Cases.Where(c => c.Id != ours.Id && c.AssigneeId == null && (c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer)).Select(c => c.Id).ToListAsync();
            foreach (var id in others)
            {
                await services.GetRequiredService<CaseDesk>().ClaimAsync(id, actor);
            }
        }
        var number = CaseNumber.Format(ours.Number);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "tier1@supportconsole.local", "Demo-tier1-1");
        await Expect(page).ToHaveURLAsync(new Regex("/queues$"));
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.Keyboard.PressAsync("n");
        await Expect(page.Locator("#take-next-result")).ToContainTextAsync($"{number}");
        await Expect(page.Locator("#queue-announcer")).ToContainTextAsync(number);

        await page.Keyboard.PressAsync("r");
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{ours.Number}"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'reply-body'");
        await page.Keyboard.TypeAsync("We are on it: the sync job is restarting.");
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator("#sla-first-response")).ToBeVisibleAsync();

        await TabToAsync(page, "escalate-reason");
        await page.Keyboard.TypeAsync("Restart did not help; the job fails at the database step.");
        await TabToAsync(page, "escalate");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#escalation-card")).ToBeVisibleAsync();
        await using var check = await services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var stored = await check.Cases.AsNoTracking().SingleAsync(c => c.Id == ours.Id);
        Assert.NotEqual(SupportTier.Tier1, stored.Tier);
        Assert.NotNull(stored.FirstRespondedAtUtc);
    }

    [Fact]
    public async Task A_manager_adds_a_holiday_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "manager@supportconsole.local", "Demo-manager-1");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/admin/holidays");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await TabToAsync(page, "holiday-date");
        await page.Keyboard.TypeAsync("03152027");
        await TabToAsync(page, "holiday-name", limit: 5); // Tab first walks the date's month, day and year

        await page.Keyboard.TypeAsync("Founders' Day");
        await TabToAsync(page, "save-holiday");
        await page.Keyboard.PressAsync("Enter");

        var book = browser.App.Services.GetRequiredService<HolidayBook>();
        await Expect(page.GetByText("Added Mon 2027-03-15: Founders' Day")).ToBeVisibleAsync();
        await Expect(page.Locator("#holidays-table")).ToContainTextAsync("Founders' Day"); // the page turned to 2027
        Assert.Contains(await book.ListAsync(2027), h => h.Date == new DateOnly(2027, 3, 15) && h.Name == "Founders' Day");
    }
    [Fact]
    public async Task Slash_focuses_the_app_bar_search_and_enter_finds_the_case_or_opens_its_number()
    {
        var word = "slashword" + Guid.NewGuid().ToString("N")[..6];
        var found = (await browser.App.Services.GetRequiredService<CaseIntake>().AcceptAsync(new IntakeRequest(CaseChannel.Email, "slash@acme.example", "Sam Slash",
            "Search from the app bar " + word, "Nothing else.", CaseSeverity.Normal))).Case;
        var number = CaseNumber.Format(found.Number);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "tier1@supportconsole.local", "Demo-tier1-1");
        await Expect(page).ToHaveURLAsync(new Regex("/queues$"));
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.Keyboard.PressAsync("/");
        Assert.Equal("app-search", await page.EvaluateAsync<string?>("() => document.activeElement?.id"));
        await page.Keyboard.TypeAsync(word);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/cases\\?q={word}$"));
        await Expect(page.Locator("#search-results")).ToContainTextAsync(number);
        await Expect(page.Locator("#result-count")).ToContainTextAsync("1 case");

        // While typing in another field, "/" is a character, not the shortcut.
        await page.Locator("#search-text-input").FocusAsync();
        await page.Keyboard.PressAsync("/");
        Assert.Equal("search-text-input", await page.EvaluateAsync<string?>("() => document.activeElement?.id"));

        await page.Locator("#page-title").ClickAsync();
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync(number[3..]);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{number}$"));
    }
}
