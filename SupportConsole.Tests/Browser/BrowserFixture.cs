using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Browser;

/// <summary>
/// The real app on a real Kestrel port (fresh SQLite file, demo data) and one headless Chromium, shared by the
/// browser tests. Chromium comes from the machine (<c>/usr/bin/chromium</c>, or <c>CHROMIUM_PATH</c>):
/// `test.sh` installs it where it is missing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    /// <summary>Open pages recheck their user every 2 seconds here (30 in production), so a test sees a disabled account's page close.</summary>
    public AppFactory App { get; } = new(settings: new Dictionary<string, string?> { ["Accounts:RevalidationSeconds"] = "2" });
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}. Run ./test.sh (it installs it) or set CHROMIUM_PATH.");
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = BaseUrl });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
    }

    /// <summary>Waits until the page's Blazor circuit is live, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(IPage page) => page.WaitForSelectorAsync("body[data-interactive=true]");

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
