using System.Globalization;
using System.Text.RegularExpressions;
using SupportConsole.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SupportConsole.Tests.Browser;

/// <summary>A manager reads the SLA report: picks a range, drills into "missed", and downloads the cases behind it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Manager_picks_a_range_drills_into_missed_and_downloads_its_csv()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var received = DateTimeOffset.UtcNow.AddDays(-10);
        var missed = await ImportAsync($"Closed without reply {tag}", received, firstRespondedAt: null, "closed", received.AddDays(1));
        var met = await ImportAsync($"Answered in an hour {tag}", received, received.AddHours(1), "closed", received.AddDays(1));

        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "manager@supportconsole.local", "Demo-manager-1");
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
        await page.GotoAsync("/reports");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.ClickAsync("#range-last90");
        await Expect(page.Locator("#range-shown")).ToContainTextAsync("90 days");
        await page.ClickAsync("#figure-missed");
        var drill = page.Locator("#drill-down-table");
        await Expect(drill).ToContainTextAsync(missed);
        await Expect(drill).Not.ToContainTextAsync(met);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#drill-down-csv"));
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path);

        Assert.StartsWith("sla-cases-", download.SuggestedFilename);
        Assert.Equal("number,subject,customer,queue,severity,channel,agent,status,receivedAt,firstResponseDueAt,firstRespondedAt,responseBusinessSeconds,outcome", lines[0]);
        var line = Assert.Single(lines, l => l.StartsWith(missed + ",", StringComparison.Ordinal));
        var fields = line.Split(',');
        Assert.Equal([$"Closed without reply {tag}", "Acme Corp", "priority", "closed"], new[] { fields[1], fields[2], fields[3], fields[7] });
        Assert.Equal(received.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), fields[8]);
        Assert.Equal(["", "", "missed"], fields[10..]);
        Assert.DoesNotContain(lines, l => l.StartsWith(met + ",", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",missed", l));
        await page.Context.CloseAsync();
    }

    private async Task<string> ImportAsync(string subject, DateTimeOffset receivedAt, DateTimeOffset? firstRespondedAt, string status, DateTimeOffset closedAt)
    {
        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", AppFactory.ApiKey);
        static string? Instant(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var response = await api.PostCaseAsync(new
        {
            from = "ann@acme.example",
            subject,
            body = "history",
            severity = 3,
            receivedAt = Instant(receivedAt),
            firstRespondedAt = Instant(firstRespondedAt),
            status,
            closedAt = Instant(closedAt),
        });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }
}
