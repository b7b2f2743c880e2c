using System.Net.Http.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Features.Reports;
using SupportConsole.Features.Reports.Pages;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Reports;

/// <summary>One host on a fake clock for the reports page's bUnit tests.</summary>
public sealed class ReportsPageApp() : SharedApp(ImportedHistory.Now);

/// <summary>The /reports page rendered with bUnit on the real report service, over the imported history with known answers.</summary>
public sealed class ReportsPageTests : MudTestContext, IClassFixture<ReportsPageApp>, IAsyncLifetime
{
    private readonly ReportsPageApp shared;
    private Dictionary<string, string> numbers = [];

    public ReportsPageTests(ReportsPageApp shared)
    {
        this.shared = shared;
        Services.AddSingleton(shared.App.Services.GetRequiredService<SlaReports>());
    }

    public async ValueTask InitializeAsync()
    {
        await shared.ResetAsync();
        using var api = ApiClient.Create(shared.App);
        numbers = await ImportedHistory.ImportAsync(api);
    }

    [Fact]
    public void Page_opens_on_the_last_30_days_with_the_honest_figures()
    {
        var page = Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("2026-10-27 to 2026-11-25", page.Find("#range-shown").TextContent));
        // Due in the range: A (met), B (late), C (closed without reply), D (overdue): 1 of 4 met.
        page.WaitForAssertion(() => Assert.Equal("25.0%", Value(page, "#figure-compliance")));
        Assert.Equal("4", Value(page, "#figure-due"));
        Assert.Equal("1", Value(page, "#figure-met"));
        Assert.Equal("3", Value(page, "#figure-missed"));
        Assert.Equal("0", Value(page, "#figure-pending"));
        Assert.Equal("1h 00m", Value(page, "#figure-p50"));
        Assert.Equal("36h 00m", Value(page, "#figure-p90"));
        // Grouped by week by default: two weeks, with the CSV links for the table and its cases.
        Assert.Equal(["2026-11-16", "2026-11-23"], page.FindAll("#report-table tbody tr").Select(r => r.GetAttribute("data-key")));
        Assert.Equal("/reports/sla.csv?from=2026-10-27&to=2026-11-26&groupBy=week", page.Find("#table-csv").GetAttribute("href"));
        Assert.Equal("/reports/sla/cases.csv?from=2026-10-27&to=2026-11-26&groupBy=week", page.Find("#cases-csv").GetAttribute("href"));
    }

    [Fact]
    public async Task A_pickup_count_drills_down_to_its_escalations_with_their_csv()
    {
        using (var api = ApiClient.Create(shared.App))
        {
            var escalated = await api.PostAsJsonAsync($"/api/cases/{numbers["D"]}/escalations", new { tier = 2, reason = "Needs an engineer", author = "tier1@supportconsole.local" });
            Assert.Equal(System.Net.HttpStatusCode.OK, escalated.StatusCode);
        }
        var page = Render<ReportsPage>();
        // Its pickup is due Friday 10:00 CST (4 Tier 2-3 hours; Thanksgiving between).
        page.WaitForElement("#custom-from");
        page.Find("#custom-from").Change("2026-11-23");
        page.Find("#custom-to").Change("2026-11-30");
        page.Find("#range-custom").Click();
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("#pickup-tier2-pending").TextContent));

        page.Find("#pickup-tier2-pending").Click();

        page.WaitForAssertion(() => Assert.Equal("Tier 2 pickup · Pending: 1 escalation", page.Find("#pickup-drill-down-title").TextContent));
        Assert.Contains(numbers["D"], page.Find("#pickup-drill-down-table").TextContent);
        Assert.Equal("/reports/pickup/escalations.csv?from=2026-11-23&to=2026-11-30&outcome=pending&tier=2", page.Find("#pickup-drill-down-csv").GetAttribute("href"));
        Assert.Equal("/reports/pickup.csv?from=2026-11-23&to=2026-11-30", page.Find("#pickup-csv").GetAttribute("href"));
    }

    [Fact]
    public void Picking_the_last_7_days_recomputes_every_figure()
    {
        var page = Render<ReportsPage>();
        page.WaitForElement("#range-last7");

        page.Find("#range-last7").Click();

        page.WaitForAssertion(() => Assert.Contains("2026-11-19 to 2026-11-25", page.Find("#range-shown").TextContent));
        Assert.Equal("1", Value(page, "#figure-due"));
        Assert.Equal("1", Value(page, "#figure-missed"));
        Assert.Equal("0.0%", Value(page, "#figure-compliance"));
    }

    [Fact]
    public void Drilling_into_missed_lists_its_cases_with_a_csv_of_them()
    {
        var page = Render<ReportsPage>();
        page.WaitForElement("#figure-missed");

        page.Find("#figure-missed").Click();

        page.WaitForAssertion(() => Assert.Contains("Missed: 3 cases", page.Find("#drill-down-title").TextContent));
        var rows = page.FindAll("#drill-down-table tbody tr");
        Assert.Equal([numbers["B"], numbers["C"], numbers["D"]], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.All(rows, r => Assert.Contains("missed", r.TextContent));
        Assert.Equal("/reports/sla/cases.csv?from=2026-10-27&to=2026-11-26&outcome=missed", page.Find("#drill-down-csv").GetAttribute("href"));
    }

    [Fact]
    public void A_table_figure_drills_down_to_its_group_and_outcome()
    {
        var page = Render<ReportsPage>();
        page.WaitForElement("#report-table");

        // Week of 11-16, the "met" column (due, met, missed, pending).
        page.Find("#report-table tbody tr[data-key='2026-11-16'] td:nth-child(3) a").Click();

        page.WaitForAssertion(() => Assert.Contains("Met · Week of 2026-11-16: 1 case", page.Find("#drill-down-title").TextContent));
        Assert.Equal(numbers["A"], page.Find("#drill-down-table tbody tr td").TextContent.Trim());
        Assert.Contains("groupBy=week&key=2026-11-16&outcome=met", page.Find("#drill-down-csv").GetAttribute("href"));
    }

    [Fact]
    public void Grouping_by_queue_shows_one_row_per_queue_with_a_commitment()
    {
        var page = Render<ReportsPage>();
        page.WaitForElement("#group-queue");

        page.Find("#group-queue").Click();

        page.WaitForAssertion(() => Assert.Equal(["priority"], page.FindAll("#report-table tbody tr").Select(r => r.GetAttribute("data-key"))));
        Assert.Contains("Priority queue", page.Find("#report-table tbody tr").TextContent);
        Assert.Equal("/reports/sla.csv?from=2026-10-27&to=2026-11-26&groupBy=queue", page.Find("#table-csv").GetAttribute("href"));
    }

    [Fact]
    public void A_custom_range_is_applied_and_a_backwards_one_is_refused()
    {
        var page = Render<ReportsPage>();
        page.WaitForElement("#custom-from");

        page.Find("#custom-from").Change("2026-11-23");
        page.Find("#custom-to").Change("2026-11-30");
        page.Find("#range-custom").Click();
        page.WaitForAssertion(() => Assert.Contains("2026-11-23 to 2026-11-29", page.Find("#range-shown").TextContent));
        Assert.Equal("3", Value(page, "#figure-due"));
        Assert.Equal("1", Value(page, "#figure-pending"));

        page.Find("#custom-to").Change("2026-11-01");
        page.Find("#range-custom").Click();
        page.WaitForAssertion(() => Assert.Contains("must be after the start", page.Find("#report-error").TextContent));
        Assert.Contains("2026-11-23 to 2026-11-29", page.Find("#range-shown").TextContent);
    }

    [Fact]
    public void Histogram_counts_the_answered_cases_by_business_hours()
    {
        var page = Render<ReportsPage>();

        // A took 1h (the 1-2h bucket), B 36h (≥ 36h).
        page.WaitForAssertion(() => Assert.Contains("1-2h: 1", page.Find("#histogram-counts").TextContent));
        Assert.Contains("≥ 36h: 1", page.Find("#histogram-counts").TextContent);
        Assert.Contains("< 1h: 0", page.Find("#histogram-counts").TextContent);
    }

    private static string Value(IRenderedComponent<ReportsPage> page, string selector) =>
        page.Find($"{selector} .figure-value").TextContent.Trim();
}
