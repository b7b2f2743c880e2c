using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportConsole.Tests.Browser;
using SupportConsole.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SupportConsole.Tests.Features.Intake.WebForm;

[Collection(BrowserCollection.Name)]
public sealed class WebFormBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_customer_fills_the_form_and_gets_a_case_number_that_the_api_knows()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/submit");
        await Expect(page.Locator("#name")).ToBeFocusedAsync();

        await page.FillAsync("#name", "Robin Browser");
        await page.FillAsync("#email", "robin@example.com");
        await page.FillAsync("#subject", "Export button does nothing");
        await page.FillAsync("#description", "Clicking Export on the report page has no effect since Monday.");
        await page.CheckAsync("#severity-3");
        await page.ClickAsync("#submit-case");

        await Expect(page.Locator("#case-number")).ToHaveTextAsync(new Regex("^SC-\\d{6,}$"));
        await Expect(page.Locator("#confirmation-email")).ToHaveTextAsync("robin@example.com");
        var number = await page.Locator("#case-number").InnerTextAsync();

        using var api = browser.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AppFactory.ApiKey);
        var response = await api.GetAsync($"/api/cases/{number}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("web", json.RootElement.GetProperty("channel").GetString());
        Assert.Equal("Export button does nothing", json.RootElement.GetProperty("subject").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("severity").GetInt32());
    }

    [Fact]
    public async Task An_empty_form_shows_a_message_next_to_each_field_and_a_bad_email_is_named()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/submit");

        await page.ClickAsync("#submit-case");

        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator(".field:has(#name) .validation-message")).ToHaveTextAsync("Enter your name.");
        await Expect(page.Locator(".field:has(#subject) .validation-message")).ToHaveTextAsync("Give your request a short subject.");
        await Expect(page.Locator("#severity .validation-message")).ToHaveTextAsync("Choose how badly this affects you.");

        await page.FillAsync("#email", "robin-at-example");
        await page.ClickAsync("#submit-case");

        await Expect(page.Locator(".field:has(#email) .validation-message")).ToContainTextAsync("Enter a valid email address");
        await page.ClickAsync("#error-summary a[href$='#email']");
        await Expect(page).ToHaveURLAsync(new Regex("/submit#email$"));
    }
}
