using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Reports;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Dashboard;
using SupportConsole.Features.Reports;

namespace SupportConsole.Benchmarks.LoadRuns;

/// <summary>
/// <c>dotnet run -c Release --project SupportConsole.Benchmarks -- sla-report [--cases 1000000] [--db PATH] [--runs 30]</c>:
/// fills a SQLite desk database with cases over the two years before <see cref="Now"/> (once; a database that already
/// holds them is reused), then times the 90-day SLA report grouped by week and a dashboard refresh, and prints p50/p95.
/// </summary>
internal static class SlaReportLoadRun
{
    /// <summary>Wed 2026-12-09 12:00 CST, as the other benchmarks.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 9, 18, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(LoadRun.Option(args, "cases", "1000000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(LoadRun.Option(args, "runs", "30"), CultureInfo.InvariantCulture);
        var path = Path.GetFullPath(LoadRun.Option(args, "db", Path.Combine(Path.GetTempPath(), "supportconsole-bench", $"sla-{count}.db")));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<SupportConsoleDbContext>().UseSqlite($"Data Source={path}").Options;
        var factory = new PooledDbContextFactory<SupportConsoleDbContext>(options);
        var calendar = new BusinessCalendar(factory, new CalendarOptions());

        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var existing = await db.Cases.LongCountAsync();
            if (existing == 0)
            {
                for (var year = Now.Year - 3; year <= Now.Year + 1; year++)
                {
                    db.Holidays.AddRange(HolidayBook.FederalHolidays(year).Select(h => new StoredHoliday { Date = h.Date, Name = h.Name, IsFederal = true }));
                }
                await db.SaveChangesAsync();
                await calendar.ReloadAsync();
                var stopwatch = Stopwatch.StartNew();
                Generate(path, calendar, count);
                Console.WriteLine($"Generated {count:N0} cases over two years in {stopwatch.Elapsed.TotalSeconds:N1} s into {path}");
                await db.Database.ExecuteSqlRawAsync("ANALYZE;");
            }
            else
            {
                await calendar.ReloadAsync();
                Console.WriteLine($"Reusing {existing:N0} cases in {path}");
            }
        }

        var clock = new FixedClock(Now);
        var reports = new SlaReports(factory, clock);
        var dashboard = new SlaDashboard(factory, calendar, reports, clock);
        var range = ReportRange.For(ReportPeriod.Last90Days, TierCalendar.LocalDateOf(Now));
        var weekly = await reports.ReadAsync(range, ReportGrouping.Week);
        Console.WriteLine($"90-day report {range.From:yyyy-MM-dd}..{range.To:yyyy-MM-dd}: {weekly.Total.Due:N0} due, {weekly.Total.Met:N0} met, {weekly.Total.Missed:N0} missed, {weekly.Total.Pending:N0} pending, compliance {weekly.Total.Compliance:P1}, p50/p90/p99 {weekly.Total.P50Seconds}/{weekly.Total.P90Seconds}/{weekly.Total.P99Seconds} s, {weekly.Rows.Count} weeks");
        var figures = await dashboard.ReadAsync();
        Console.WriteLine($"Dashboard: backlog {figures.Backlog:N0}, will breach soon {figures.WillBreachSoon.Count}, 30-day compliance {figures.Sla.Total.Compliance:P1}");

        await LoadRun.MeasureAsync("90-day SLA report grouped by week (total + weekly rows)", runs, () => reports.ReadAsync(range, ReportGrouping.Week));
        await LoadRun.MeasureAsync("90-day reports page load (report by week + histogram)", runs, async () =>
        {
            await reports.ReadAsync(range, ReportGrouping.Week);
            await reports.HistogramAsync(range);
        });
        await LoadRun.MeasureAsync("Dashboard refresh", runs, () => dashboard.ReadAsync());
        return 0;
    }

    /// <summary>
    /// Cases arrive evenly over two years (seeded random): 70% priority with a deadline; of those answered, most within a
    /// few business hours, one in ten late, one in twenty never answered (closed without a reply, or still open when
    /// recent). Older cases are closed; the last days' are open, so the dashboard has a live backlog.
    /// </summary>
    private static void Generate(string path, BusinessCalendar calendar, int count)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using (var customers = connection.CreateCommand())
        {
            customers.Transaction = transaction;
            customers.CommandText = string.Join(";", Enumerable.Range(1, 200).Select(i =>
                $"INSERT INTO Customers (Name, Plan, TermStart, TermEnd, PrimaryContactName, PrimaryContactEmail, PrimaryContactPhone, HelpdeskPhone, CreatedAtUtc) VALUES ('Customer {i}', 1, '2020-01-01', '2030-12-31', 'Contact', 'c{i}@example.com', '', '', '2020-01-01 00:00:00')"));
            customers.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Cases (Number, ArrivalSequence, Subject, FromAddress, FromName, CustomerId, Queue, RoutingReason, Channel, Severity, Status,
                ReceivedAtUtc, IsImported, AssigneeId, Tier, ClockStartsAtUtc, AtRiskAtUtc, FirstResponseDueAtUtc, FirstResponseDueLocalDate,
                FirstRespondedAtUtc, FirstResponseBusinessSeconds, ClosedAtUtc, Version)
            VALUES ($n, $n, 'Benchmark case', 'someone@example.com', '', $customer, $queue, 'benchmark', $channel, $severity, $status,
                $received, 1, $assignee, 1, $start, $risk, $due, $dueDate, $responded, $seconds, $closed, 0)
            """;
        var p = new[] { "$n", "$customer", "$queue", "$channel", "$severity", "$status", "$received", "$assignee", "$start", "$risk", "$due", "$dueDate", "$responded", "$seconds", "$closed" }
            .ToDictionary(name => name, name => insert.Parameters.Add(name, SqliteType.Text));
        insert.Prepare();
        var current = calendar.Current;
        var random = new Random(20261209);
        var from = Now.AddDays(-730).ToUnixTimeSeconds();
        var span = Now.ToUnixTimeSeconds() - from;
        string[] agents = [.. Enumerable.Range(1, 40).Select(i => $"agent-{i:00}")];
        for (var i = 0; i < count; i++)
        {
            var received = DateTimeOffset.FromUnixTimeSeconds(from + (span * i / count));
            var priority = random.NextDouble() < 0.7;
            var deadline = FirstResponseDeadline.Compute(current, priority ? SlaPolicy.ProPlusDefault : calendar.Policies.For(CaseQueue.Standard), received);
            var roll = random.NextDouble();
            var answerAfter = roll < 0.85 ? TimeSpan.FromSeconds(random.Next(300, 20 * 3600))
                : roll < 0.95 ? TimeSpan.FromSeconds(random.Next(25 * 3600, 40 * 3600))
                : (TimeSpan?)null;
            DateTimeOffset? responded = answerAfter is { } after ? current.AddBusinessTime(SupportTier.Tier1, deadline.ClockStartsAt, after) : null;
            if (responded > Now)
            {
                responded = null;
            }
            var closedAt = (responded ?? received.AddDays(2)).AddHours(random.Next(1, 72));
            var status = closedAt <= Now && (Now - received).TotalDays > 3 ? CaseStatus.Closed : responded is null ? CaseStatus.Open : CaseStatus.WaitingOnCustomer;
            p["$n"].Value = 100_000 + i;
            p["$customer"].Value = priority ? random.Next(1, 201) : DBNull.Value;
            p["$queue"].Value = (int)(priority ? CaseQueue.Priority : CaseQueue.Standard);
            p["$channel"].Value = random.Next(0, 4);
            p["$severity"].Value = random.Next(1, 5);
            p["$status"].Value = (int)status;
            p["$received"].Value = received.UtcDateTime;
            p["$assignee"].Value = random.NextDouble() < 0.9 ? agents[random.Next(agents.Length)] : DBNull.Value;
            p["$start"].Value = deadline.ClockStartsAt.UtcDateTime;
            p["$risk"].Value = (object?)deadline.AtRiskAt?.UtcDateTime ?? DBNull.Value;
            p["$due"].Value = (object?)deadline.DueAt?.UtcDateTime ?? DBNull.Value;
            p["$dueDate"].Value = deadline.DueAt is { } due ? SlaReportQueries.StoredDate(SlaReportRules.ReportDateOf(due)) : DBNull.Value;
            p["$responded"].Value = (object?)responded?.UtcDateTime ?? DBNull.Value;
            p["$seconds"].Value = responded is { } r ? SlaReportRules.ResponseBusinessSeconds(current, deadline.ClockStartsAt, r) : DBNull.Value;
            p["$closed"].Value = status == CaseStatus.Closed ? closedAt.UtcDateTime : DBNull.Value;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
