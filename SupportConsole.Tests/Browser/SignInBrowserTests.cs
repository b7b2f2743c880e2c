using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace SupportConsole.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Tier1_agent_signs_in_with_the_listed_demo_account_lands_on_queues_and_signs_out()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/queues");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        var demoRow = page.Locator("#demo-accounts tr", new() { HasText = "tier1@supportconsole.local" });
        var password = await demoRow.Locator("td").Nth(2).InnerTextAsync();

        await page.FillAsync("#email", "tier1@supportconsole.local");
        await page.FillAsync("#password", password.Trim());
        await page.ClickAsync("#sign-in");

        await Expect(page).ToHaveURLAsync(new Regex("/queues$"));
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("Queues");
        await Expect(page.Locator("#signed-in-user")).ToContainTextAsync("Tina Tier1");
        await Expect(page.Locator("#nav-queues")).ToBeVisibleAsync();
        await Expect(page.Locator("#nav-dashboard")).ToHaveCountAsync(0);

        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#signed-in-user");
        await page.ClickAsync("#sign-out");

        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.GetByText("You are signed out.")).ToBeVisibleAsync();
        await page.GotoAsync("/queues");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task Wrong_password_shows_what_to_do_next()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "tier2@supportconsole.local", "wrong-password");

        await Expect(page.Locator("#login-error")).ToContainTextAsync("Check them and try again");
    }
}
