using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Reports;

/// <summary>One host on a fake clock for the report API tests; each test starts from a reset database and clock.</summary>
public sealed class SlaReportApp() : SharedApp(ImportedHistory.Now);

public sealed class SlaReportApiTests(SlaReportApp shared) : IClassFixture<SlaReportApp>, IAsyncLifetime
{
    private readonly HttpClient api = ApiClient.Create(shared.App);

    public async ValueTask InitializeAsync() => await shared.ResetAsync();

    public ValueTask DisposeAsync()
    {
        api.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Weekly_report_of_imported_history_gives_the_known_answers()
    {
        await ImportedHistory.ImportAsync(api);

        var response = await api.GetAsync("/api/reports/sla?from=2026-11-16&to=2026-11-30&groupBy=week");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        var first = rows[0];
        Assert.Equal("2026-11-16", first.GetProperty("key").GetString());
        Assert.Equal(3, first.GetProperty("due").GetInt32());
        Assert.Equal(1, first.GetProperty("met").GetInt32());
        Assert.Equal(2, first.GetProperty("missed").GetInt32());
        Assert.Equal(0, first.GetProperty("pending").GetInt32());
        Assert.Equal(1.0 / 3, first.GetProperty("compliance").GetDouble(), 6);
        Assert.Equal(3600, first.GetProperty("p50Seconds").GetInt64());
        Assert.Equal(129600, first.GetProperty("p90Seconds").GetInt64());
        Assert.Equal(129600, first.GetProperty("p99Seconds").GetInt64());
        var second = rows[1];
        Assert.Equal("2026-11-23", second.GetProperty("key").GetString());
        Assert.Equal([3, 1, 1, 1], new[] { "due", "met", "missed", "pending" }.Select(p => second.GetProperty(p).GetInt32()));
        Assert.Equal(0.5, second.GetProperty("compliance").GetDouble());
        Assert.Equal(7200, second.GetProperty("p50Seconds").GetInt64());
    }

    [Fact]
    public async Task Ungrouped_report_is_one_row_and_a_range_without_cases_has_null_compliance()
    {
        await ImportedHistory.ImportAsync(api);

        var all = Assert.Single((await (await api.GetAsync("/api/reports/sla?from=2026-11-16&to=2026-11-30")).JsonAsync()).EnumerateArray());
        var none = (await (await api.GetAsync("/api/reports/sla?from=2026-10-01&to=2026-10-08&groupBy=queue")).JsonAsync()).EnumerateArray().ToList();

        Assert.Equal("", all.GetProperty("key").GetString());
        Assert.Equal([6, 2, 3, 1], new[] { "due", "met", "missed", "pending" }.Select(p => all.GetProperty(p).GetInt32()));
        Assert.Equal(0.4, all.GetProperty("compliance").GetDouble(), 6);
        // Three answered: 3600, 7200, 129600 — nearest rank 2 of 3 is the median.
        Assert.Equal(7200, all.GetProperty("p50Seconds").GetInt64());
        Assert.Empty(none);
    }

    [Fact]
    public async Task Report_by_the_range_of_due_dates_leaves_out_cases_due_outside_it()
    {
        await ImportedHistory.ImportAsync(api);

        // E and F are due Fri 11-27: a range ending Thursday (exclusive) leaves them out; D (due Wed 11-25) is in.
        var row = Assert.Single((await (await api.GetAsync("/api/reports/sla?from=2026-11-23&to=2026-11-26&groupBy=queue")).JsonAsync()).EnumerateArray());

        Assert.Equal("priority", row.GetProperty("key").GetString());
        Assert.Equal([1, 0, 1, 0], new[] { "due", "met", "missed", "pending" }.Select(p => row.GetProperty(p).GetInt32()));
    }

    [Fact]
    public async Task Csv_report_has_a_header_and_the_same_rows()
    {
        await ImportedHistory.ImportAsync(api);

        var response = await api.GetAsync("/api/reports/sla?from=2026-11-16&to=2026-11-30&groupBy=week&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "key,due,met,missed,pending,compliance,p50Seconds,p90Seconds,p99Seconds",
            "2026-11-16,3,1,2,0,0.3333,3600,129600,129600",
            "2026-11-23,3,1,1,1,0.5,7200,7200,7200",
        ], lines);
    }

    [Fact]
    public async Task Missed_drill_down_lists_the_late_the_closed_without_reply_and_the_overdue_open_case()
    {
        var numbers = await ImportedHistory.ImportAsync(api);

        var cases = (await (await api.GetAsync("/api/reports/sla/cases?from=2026-11-16&to=2026-11-30&outcome=missed")).JsonAsync()).EnumerateArray().ToList();
        var csv = (await (await api.GetAsync("/api/reports/sla/cases?from=2026-11-16&to=2026-11-30&outcome=missed&format=csv")).Content.ReadAsStringAsync())
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal([numbers["B"], numbers["C"], numbers["D"]], cases.Select(c => c.GetProperty("number").GetString()));
        Assert.Equal(["resolved", "closed", "open"], cases.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("number,subject,customer,queue,severity,channel,agent,status,receivedAt,firstResponseDueAt,firstRespondedAt,responseBusinessSeconds,outcome", csv[0]);
        Assert.Equal($"{numbers["C"]},C,Acme Corp,priority,3,api,,closed,2026-11-16T16:00:00Z,2026-11-18T16:00:00Z,,,missed", csv[2]);
    }

    [Fact]
    public async Task Drill_down_by_week_key_and_outcome_lists_that_figures_cases()
    {
        var numbers = await ImportedHistory.ImportAsync(api);

        var pending = (await (await api.GetAsync("/api/reports/sla/cases?from=2026-11-16&to=2026-11-30&groupBy=week&key=2026-11-23&outcome=pending")).JsonAsync()).EnumerateArray();
        var met = (await (await api.GetAsync("/api/reports/sla/cases?from=2026-11-16&to=2026-11-30&groupBy=week&key=2026-11-16&outcome=met")).JsonAsync()).EnumerateArray();

        Assert.Equal([numbers["E"]], pending.Select(c => c.GetProperty("number").GetString()));
        Assert.Equal([numbers["A"]], met.Select(c => c.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task Dashboard_tiles_agree_with_the_report_of_the_last_30_days()
    {
        await ImportedHistory.ImportAsync(api);

        var figures = await shared.App.Services.GetRequiredService<SupportConsole.Features.Dashboard.SlaDashboard>().ReadAsync();
        var row = Assert.Single((await (await api.GetAsync("/api/reports/sla?from=2026-10-27&to=2026-11-26")).JsonAsync()).EnumerateArray());

        // In range: A, B, C (due 11-18) and D (due 11-25); E and F are due Friday, after today.
        Assert.Equal(new SupportConsole.Domain.Reports.ReportRange(new(2026, 10, 27), new(2026, 11, 26)), figures.Sla.Range);
        Assert.Equal(4, row.GetProperty("due").GetInt64());
        Assert.Equal(row.GetProperty("due").GetInt64(), figures.Sla.Total.Due);
        Assert.Equal(row.GetProperty("met").GetInt64(), figures.Sla.Total.Met);
        Assert.Equal(row.GetProperty("missed").GetInt64(), figures.Sla.Total.Missed);
        Assert.Equal(row.GetProperty("pending").GetInt64(), figures.Sla.Total.Pending);
        Assert.Equal(row.GetProperty("compliance").GetDouble(), figures.Sla.Total.Compliance);
        Assert.Equal(row.GetProperty("p50Seconds").GetInt64(), figures.Sla.Total.P50Seconds);
        Assert.Equal(0.25, figures.Sla.Total.Compliance);
        // Open now: D, E, F and the standard case (A, B, C were closed or resolved).
        Assert.Equal(4, figures.Backlog);
        // A closed on 11-17, C on 11-18, B (resolved without closedAt) at the import: the end of 11-17 had B, C open.
        Assert.Equal(2, figures.BacklogTrend.Single(d => d.Day == new DateOnly(2026, 11, 17)).Open);
    }

    [Fact]
    public async Task Tier2_pickup_is_pending_until_its_due_then_missed_when_nobody_picked_it_up()
    {
        var numbers = await ImportedHistory.ImportAsync(api);
        var escalated = await api.PostAsJsonAsync($"/api/cases/{numbers["D"]}/escalations", new { tier = 2, reason = "Needs an engineer", author = "tier1@supportconsole.local" });
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        var reports = shared.App.Services.GetRequiredService<SupportConsole.Features.Reports.SlaReports>();
        var today = new SupportConsole.Domain.Reports.ReportRange(new(2026, 11, 25), new(2026, 11, 28));

        var before = (await reports.PickupAsync(today)).Single(p => p.Tier == SupportConsole.Domain.Calendar.SupportTier.Tier2);
        // 4 Tier 2-3 hours from Wed 14:00 CST: 3 today, none on Thanksgiving, 1 on Friday: due Fri 10:00 CST.
        shared.Clock.Advance(TimeSpan.FromHours(44) + TimeSpan.FromSeconds(1));
        var after = (await reports.PickupAsync(today)).Single(p => p.Tier == SupportConsole.Domain.Calendar.SupportTier.Tier2);

        Assert.Equal((1L, 0L, 0L, 1L), (before.Due, before.Met, before.Missed, before.Pending));
        Assert.Null(before.Compliance);
        Assert.Equal((1L, 0L, 1L, 0L), (after.Due, after.Met, after.Missed, after.Pending));
        Assert.Equal(0.0, after.Compliance);
    }

    [Fact]
    public async Task The_pickup_table_and_its_escalations_come_as_json_and_csv_by_tier_and_outcome()
    {
        var numbers = await ImportedHistory.ImportAsync(api);
        var escalated = await api.PostAsJsonAsync($"/api/cases/{numbers["D"]}/escalations", new { tier = 2, reason = "Needs an engineer", author = "tier1@supportconsole.local" });
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        shared.Clock.Advance(TimeSpan.FromHours(44) + TimeSpan.FromSeconds(1)); // past its pickup due, Fri 10:00 CST
        const string range = "from=2026-11-25&to=2026-11-28";

        var table = await (await api.GetAsync($"/api/reports/pickup?{range}")).JsonAsync();
        var tier2 = table.EnumerateArray().Single(r => r.GetProperty("tier").GetInt32() == 2);
        Assert.Equal((1L, 0L, 1L, 0L), (tier2.GetProperty("due").GetInt64(), tier2.GetProperty("met").GetInt64(), tier2.GetProperty("missed").GetInt64(), tier2.GetProperty("pending").GetInt64()));
        Assert.Equal($"{SupportConsole.Features.Reports.ReportCsv.PickupHeader}\r\n2,1,0,1,0,0\r\n3,0,0,0,0,\r\n", await api.GetStringAsync($"/api/reports/pickup?{range}&format=csv"));

        var missed = await (await api.GetAsync($"/api/reports/pickup/escalations?{range}&tier=2&outcome=missed")).JsonAsync();
        var only = Assert.Single(missed.EnumerateArray());
        Assert.Equal(numbers["D"], only.GetProperty("number").GetString());
        Assert.Equal("missed", only.GetProperty("outcome").GetString());
        Assert.Empty((await (await api.GetAsync($"/api/reports/pickup/escalations?{range}&tier=2&outcome=met")).JsonAsync()).EnumerateArray());
        var csv = await api.GetStringAsync($"/api/reports/pickup/escalations?{range}&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SupportConsole.Features.Reports.ReportCsv.PickupCasesHeader, lines[0]);
        Assert.StartsWith($"{numbers["D"]},", lines[1]);
        Assert.EndsWith(",missed", lines[1]);

        var wrongTier = await api.GetAsync($"/api/reports/pickup/escalations?{range}&tier=1");
        Assert.Equal(HttpStatusCode.BadRequest, wrongTier.StatusCode);
        Assert.Contains("tier is 2 or 3", await wrongTier.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Imported_history_sends_no_acknowledgment_and_raises_no_alert()
    {
        await ImportedHistory.ImportAsync(api);

        await using var db = await shared.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Outbox.CountAsync());
        Assert.Empty(await db.Notifications.Select(n => n.Kind + ": " + n.Title + " " + n.Body).ToListAsync());
        var closed = await db.Cases.AsNoTracking().SingleAsync(c => c.Subject == "A");
        Assert.Equal(new DateTime(2026, 11, 17, 15, 0, 0), closed.ClosedAtUtc);
        Assert.Equal(3600, closed.FirstResponseBusinessSeconds);
        Assert.Equal(new DateOnly(2026, 11, 18), closed.FirstResponseDueLocalDate);
        // The past is on record, silently: B (late) and C (closed without a reply) breached, A (in time) did not.
        var breached = await db.SlaEvents.AsNoTracking().Where(e => e.Kind == SupportConsole.Data.SlaEventKind.Breached)
            .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => c.Subject).ToListAsync();
        Assert.Contains("B", breached);
        Assert.Contains("C", breached);
        Assert.DoesNotContain("A", breached);
    }

    [Fact]
    public async Task Start_up_backfill_fills_the_report_columns_of_cases_stored_without_them()
    {
        await ImportedHistory.ImportAsync(api);
        var dbFactory = shared.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            // As a database migrated from before the SLA report held them.
            await db.Cases.ExecuteUpdateAsync(c => c.SetProperty(x => x.FirstResponseDueLocalDate, (DateOnly?)null).SetProperty(x => x.FirstResponseBusinessSeconds, (long?)null));
        }
        var emptied = (await (await api.GetAsync("/api/reports/sla?from=2026-11-16&to=2026-11-30")).JsonAsync()).GetArrayLength();

        var filled = await shared.App.Services.GetRequiredService<SupportConsole.Features.Reports.SlaReportBackfill>().RunAsync();
        var again = await shared.App.Services.GetRequiredService<SupportConsole.Features.Reports.SlaReportBackfill>().RunAsync();

        Assert.Equal(0, emptied);
        Assert.Equal(6, filled); // A-F have a due; S (standard queue) has neither a due nor a response
        Assert.Equal(0, again);
        var all = Assert.Single((await (await api.GetAsync("/api/reports/sla?from=2026-11-16&to=2026-11-30")).JsonAsync()).EnumerateArray());
        Assert.Equal([6, 2, 3, 1], new[] { "due", "met", "missed", "pending" }.Select(p => all.GetProperty(p).GetInt32()));
        Assert.Equal(7200, all.GetProperty("p50Seconds").GetInt64());
    }

    [Theory]
    [InlineData("2026-11-16T13:00:00Z", null, null, "firstRespondedAt")]   // before it arrived
    [InlineData("2026-11-26T13:00:00Z", null, null, "firstRespondedAt")]   // in the future
    [InlineData(null, "open", "2026-11-17T00:00:00Z", "closedAt")]         // closed while open
    [InlineData(null, "closed", "2026-11-16T13:00:00Z", "closedAt")]       // closed before it arrived
    [InlineData(null, "archived", null, "status")]
    [InlineData("yesterday", null, null, "firstRespondedAt")]
    public async Task Import_history_that_cannot_be_true_is_refused_per_field(string? firstRespondedAt, string? status, string? closedAt, string field)
    {
        var response = await api.PostCaseAsync(new { from = "ann@acme.example", subject = "Old", body = "b", severity = 3, receivedAt = "2026-11-16T14:00:00Z", firstRespondedAt, status, closedAt });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task History_fields_without_receivedAt_are_refused_as_import_only()
    {
        var response = await api.PostCaseAsync(new { from = "ann@acme.example", subject = "New", body = "b", severity = 3, status = "closed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Only an import", (await response.JsonAsync()).GetProperty("errors").GetProperty("status")[0].GetString());
    }

    [Theory]
    [InlineData("from=2026-11-30&to=2026-11-16", "to")]
    [InlineData("from=16/11/2026&to=2026-11-30", "from")]
    [InlineData("groupBy=planet", "groupBy")]
    [InlineData("format=xml", "format")]
    public async Task Bad_report_queries_are_400_with_the_field(string query, string field)
    {
        var response = await api.GetAsync("/api/reports/sla?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Report_needs_an_api_key()
    {
        using var anonymous = ApiClient.Create(shared.App, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/reports/sla")).StatusCode);
    }
}
