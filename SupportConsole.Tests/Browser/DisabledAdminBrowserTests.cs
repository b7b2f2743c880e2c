using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportConsole.Data;
using SupportConsole.Features.Admin;
using SupportConsole.Hosting;
using static Microsoft.Playwright.Assertions;

namespace SupportConsole.Tests.Browser;

/// <summary>
/// An administrator disabled while their users page is open: their next click changes nothing and says why, and the
/// page closes at the next revalidation (every 2 s in this host, 30 s in production).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DisabledAdminBrowserTests(BrowserFixture browser)
{
    private const string Password = "Gone-admin-1!";

    private async Task<AgentUser> AdminAsync(string email, string name)
    {
        var directory = browser.App.Services.GetRequiredService<AgentDirectory>();
        using var scope = browser.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var owner = await users.FindByEmailAsync("admin@supportconsole.local");
        Assert.Empty(await directory.CreateAsync(email, name, Password, [Roles.Admin], owner!.Id));
        return (await users.FindByEmailAsync(email))!;
    }

    [Fact]
    public async Task A_disabled_admin_with_the_users_page_open_can_neither_disable_another_admin_nor_stay_on_the_page()
    {
        var gone = await AdminAsync("gone-admin@supportconsole.local", "Gone Admin");
        var other = await AdminAsync("other-admin@supportconsole.local", "Other Admin");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, gone.Email!, Password);
        await page.GotoAsync("/admin/users");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var otherRow = page.Locator("#users-table tr", new() { HasText = other.Email! });
        await Expect(otherRow.GetByRole(AriaRole.Button, new() { Name = "Disable" })).ToBeVisibleAsync();

        // Another administrator disables them; their page is still open.
        using var scope = browser.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var owner = await users.FindByEmailAsync("admin@supportconsole.local");
        Assert.Empty(await browser.App.Services.GetRequiredService<AgentDirectory>().SetDisabledAsync(gone.Id, true, owner!.Id));

        await otherRow.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();

        await Expect(page.GetByText("Your account is disabled.")).ToBeVisibleAsync();
        using var rereadScope = browser.App.Services.CreateScope();
        var reread = await rereadScope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByIdAsync(other.Id);
        Assert.False(reread!.IsDisabled);

        // The next revalidation closes the page: the sign-in page replaces it.
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 15_000 });
    }
}
