using Microsoft.Playwright;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.MultiInstance;

/// <summary>
/// Two app instances (A and B, separate processes) on one fresh PostgreSQL database of the run's server, sharing a
/// storage folder as instances behind a load balancer share a network folder, and one headless Chromium. A starts
/// first and prepares the database; B then joins it.
/// </summary>
public class TwoInstances : IAsyncLifetime
{
    private IPlaywright? playwright;

    public AppInstance A { get; private set; } = default!;
    public AppInstance B { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "supportconsole-tests", "two-" + Guid.NewGuid().ToString("N")[..10]);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var connectionString = await PostgresServer.ConnectionStringForAsync(Folder);
        A = new AppInstance("a", connectionString, Folder);
        B = new AppInstance("b", connectionString, Folder);
        await A.StartAsync();
        await B.StartAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A signed-in page on one instance, on its queues.</summary>
    public async Task<IPage> QueuesPageAsync(AppInstance instance, string email, string password)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, BaseURL = instance.BaseUrl });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync("**/queues");
        await page.WaitForSelectorAsync("body[data-interactive=true]");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
    }
}
