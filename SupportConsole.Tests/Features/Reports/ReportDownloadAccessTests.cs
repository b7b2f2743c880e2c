using System.Net;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Reports;

/// <summary>One host for the download access tests (demo accounts of Development).</summary>
public sealed class ReportDownloadApp() : SharedApp(ImportedHistory.Now);

/// <summary>The reports page's CSV downloads are a manager's: signed in with the role, never another agent, never anonymous.</summary>
public sealed class ReportDownloadAccessTests(ReportDownloadApp shared) : IClassFixture<ReportDownloadApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await shared.ResetAsync();
        using var api = ApiClient.Create(shared.App);
        await ImportedHistory.ImportAsync(api);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Manager_downloads_the_table_and_the_missed_cases_as_csv()
    {
        using var client = shared.App.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "manager@supportconsole.local", "Demo-manager-1");

        var table = await client.GetAsync("/reports/sla.csv?from=2026-11-16&to=2026-11-30&groupBy=week");
        var cases = await client.GetAsync("/reports/sla/cases.csv?from=2026-11-16&to=2026-11-30&outcome=missed");

        Assert.Equal(HttpStatusCode.OK, table.StatusCode);
        Assert.Equal("sla-report-2026-11-16-to-2026-11-30-by-week.csv", table.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains("2026-11-16,3,1,2,0,0.3333,3600,129600,129600", await table.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
        Assert.Equal(4, (await cases.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_tier1_agent_is_refused_the_downloads()
    {
        using var client = shared.App.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "tier1@supportconsole.local", "Demo-tier1-1");

        var response = await client.GetAsync("/reports/sla.csv?from=2026-11-16&to=2026-11-30");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("key,due,met", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in()
    {
        using var client = shared.App.CreateBrowserLikeClient();

        var response = await client.GetAsync("/reports/sla/cases.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }
}
