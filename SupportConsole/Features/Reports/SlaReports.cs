using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Reports;

namespace SupportConsole.Features.Reports;

/// <summary>
/// The SLA report (<see cref="SlaReportRules"/>), read from aggregates the database computes over the stored due dates
/// and response business seconds: the reports page, the dashboard's tiles and <c>GET /api/reports/sla</c> all call it.
/// Also the drill-down behind each figure and the case-level rows behind the CSV exports.
/// </summary>
public sealed class SlaReports(IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Most cases a drill-down lists on the page; the CSV export has them all.</summary>
    public const int DrillDownLimit = 500;

    public DateOnly Today => TierCalendar.LocalDateOf(clock.GetUtcNow());

    public async Task<SlaReport> ReadAsync(ReportRange range, ReportGrouping grouping, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = (await db.SlaReportAsync(range.From, range.To, SlaReportKey.All, now, cancellationToken)).SingleOrDefault();
        var rows = grouping == ReportGrouping.None ? [] : await RowsAsync(db, range, grouping, now, cancellationToken);
        return new SlaReport(now, range, grouping, total is null ? Empty("", "All cases") : ToRow(total, "", "All cases"), rows);
    }

    /// <summary>The report's rows alone (what the API answers): one per group, or one for all when ungrouped.</summary>
    public async Task<IReadOnlyList<SlaReportRow>> RowsAsync(ReportRange range, ReportGrouping grouping, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RowsAsync(db, range, grouping, now, cancellationToken);
    }

    /// <summary>Tier 2 and Tier 3 pickup figures of the escalations whose pickup was due in the range.</summary>
    public async Task<IReadOnlyList<PickupFigures>> PickupAsync(ReportRange range, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond().UtcDateTime;
        var from = SlaReportRules.StartOfCentralDay(range.From).UtcDateTime;
        var to = SlaReportRules.StartOfCentralDay(range.To).UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Escalations.AsNoTracking()
            .Where(e => e.PickupDueAtUtc >= from && e.PickupDueAtUtc < to)
            .GroupBy(e => e.Tier)
            .Select(g => new
            {
                Tier = g.Key,
                Due = g.LongCount(),
                Met = g.LongCount(e => e.PickedUpAtUtc != null && e.PickedUpAtUtc <= e.PickupDueAtUtc),
                Missed = g.LongCount(e => (e.PickedUpAtUtc != null && e.PickedUpAtUtc > e.PickupDueAtUtc) || (e.PickedUpAtUtc == null && e.PickupDueAtUtc < now)),
            })
            .ToListAsync(cancellationToken);
        return [.. new[] { SupportTier.Tier2, SupportTier.Tier3 }.Select(tier => rows.FirstOrDefault(r => r.Tier == tier) is { } r
            ? new PickupFigures(tier, r.Due, r.Met, r.Missed, r.Due - r.Met - r.Missed, SlaReportRules.Compliance(r.Met, r.Missed))
            : new PickupFigures(tier, 0, 0, 0, 0, null))];
    }

    /// <summary>
    /// The escalations behind a pickup figure: those whose pickup was due in the range, of one tier (null for both) and
    /// one outcome (null for all), in due order.
    /// </summary>
    public async Task<IReadOnlyList<PickupCase>> PickupCasesAsync(ReportRange range, SupportTier? tier, SlaOutcome? outcome, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        var start = SlaReportRules.StartOfCentralDay(range.From).UtcDateTime;
        var end = SlaReportRules.StartOfCentralDay(range.To).UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from e in db.Escalations.AsNoTracking()
                          where e.PickupDueAtUtc >= start && e.PickupDueAtUtc < end && (tier == null || e.Tier == tier)
                          join c in db.Cases on e.CaseId equals c.Id
                          join u in db.Users on e.AssigneeId equals u.Id into engineers
                          from u in engineers.DefaultIfEmpty()
                          orderby e.PickupDueAtUtc, e.Id
                          select new { c.Number, c.Subject, Customer = c.Customer != null ? c.Customer.Name : null, e.Tier, e.EscalatedAtUtc, e.PickupDueAtUtc, e.PickedUpAtUtc, Engineer = u != null ? (u.DisplayName != "" ? u.DisplayName : u.Email) : null })
                          .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new PickupCase(r.Number, r.Subject, r.Customer, r.Tier, r.EscalatedAtUtc.AsInstant(), r.PickupDueAtUtc.AsInstant(), r.PickedUpAtUtc.AsInstant(), r.Engineer,
                SlaReportRules.Classify(r.PickupDueAtUtc.AsInstant(), r.PickedUpAtUtc.AsInstant(), now)))
            .Where(r => outcome is null || r.Outcome == outcome)];
    }

    public async Task<ResponseHistogram> HistogramAsync(ReportRange range, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.ResponseHistogramAsync(range.From, range.To, [.. ResponseHistogram.BoundsInHours.Select(h => h * 3600L)], cancellationToken);
        return new ResponseHistogram(ResponseHistogram.BucketLabels, counts);
    }

    /// <summary>
    /// The cases behind a figure: those of the range, of the group <paramref name="key"/> (the API's key; null for all)
    /// and of the outcome (null for all), in due order; at most <paramref name="limit"/> listed, all counted.
    /// </summary>
    public async Task<ReportCaseList> CasesAsync(ReportRange range, ReportGrouping grouping, string? key, SlaOutcome? outcome, int? limit = DrillDownLimit, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, range, grouping, key, outcome, now, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var listed = limit is { } max ? query.Take(max) : query;
        var cases = new List<ReportCase>();
        await foreach (var c in Project(db, listed, now).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            cases.Add(c);
        }
        return new ReportCaseList(total, cases);
    }

    /// <summary>Every case behind a figure, streamed in due order: the case-level CSV.</summary>
    public async IAsyncEnumerable<ReportCase> AllCasesAsync(ReportRange range, ReportGrouping grouping, string? key, SlaOutcome? outcome, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, range, grouping, key, outcome, now, cancellationToken);
        await foreach (var c in Project(db, query, now).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return c;
        }
    }

    private static async Task<IReadOnlyList<SlaReportRow>> RowsAsync(SupportConsoleDbContext db, ReportRange range, ReportGrouping grouping, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var aggregates = await db.SlaReportAsync(range.From, range.To, KeyOf(grouping), now, cancellationToken);
        Dictionary<string, string> customers = [];
        Dictionary<string, (string Email, string Name)> agents = [];
        if (grouping == ReportGrouping.Customer)
        {
            var ids = aggregates.Select(a => long.TryParse(a.Key, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id != 0).ToList();
            customers = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id.ToString(CultureInfo.InvariantCulture), c => c.Name, cancellationToken);
        }
        if (grouping == ReportGrouping.Agent)
        {
            var ids = aggregates.Select(a => a.Key).Where(k => k != "").ToList();
            agents = (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken))
                .ToDictionary(u => u.Id, u => (u.Email ?? u.Id, u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id));
        }
        return [.. aggregates.Select(a =>
        {
            var (key, label) = grouping switch
            {
                ReportGrouping.None => ("", "All cases"),
                ReportGrouping.Queue => Enum.TryParse<CaseQueue>(a.Key, out var q) ? (q.ToApiName(), q.DisplayName()) : (a.Key, a.Key),
                ReportGrouping.Severity => Enum.TryParse<CaseSeverity>(a.Key, out var s) ? (a.Key, s.DisplayName()) : (a.Key, a.Key),
                ReportGrouping.Customer => (a.Key, a.Key == "" ? "No customer" : customers.GetValueOrDefault(a.Key, "Customer " + a.Key)),
                ReportGrouping.Agent => a.Key == "" ? ("", "Unassigned") : agents.TryGetValue(a.Key, out var agent) ? agent : (a.Key, a.Key),
                ReportGrouping.Channel => Enum.TryParse<CaseChannel>(a.Key, out var ch) ? (ch.ToApiName(), ch.ToApiName()) : (a.Key, a.Key),
                ReportGrouping.Week => (a.Key, "Week of " + a.Key),
                _ => (a.Key, a.Key),
            };
            return ToRow(a, key, label);
        })];
    }

    private static async Task<IQueryable<SupportCase>> FilterAsync(SupportConsoleDbContext db, ReportRange range, ReportGrouping grouping, string? key, SlaOutcome? outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateOnly? from = range.From, to = range.To;
        var query = db.Cases.AsNoTracking().Where(c => c.FirstResponseDueLocalDate >= from && c.FirstResponseDueLocalDate < to);
        if (key is not null)
        {
            switch (grouping)
            {
                case ReportGrouping.Queue:
                    query = CaseQueueNames.TryParseApiName(key, out var queue) ? query.Where(c => c.Queue == queue) : query.Where(_ => false);
                    break;
                case ReportGrouping.Severity:
                    query = int.TryParse(key, CultureInfo.InvariantCulture, out var number) && CaseSeverityNames.TryFromNumber(number, out var severity)
                        ? query.Where(c => c.Severity == severity) : query.Where(_ => false);
                    break;
                case ReportGrouping.Customer:
                    query = key == "" ? query.Where(c => c.CustomerId == null)
                        : long.TryParse(key, CultureInfo.InvariantCulture, out var customerId) ? query.Where(c => c.CustomerId == customerId) : query.Where(_ => false);
                    break;
                case ReportGrouping.Agent:
                    if (key == "")
                    {
                        query = query.Where(c => c.AssigneeId == null);
                    }
                    else
                    {
                        var normalized = key.Trim().ToUpperInvariant();
                        var userId = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
                        query = query.Where(c => c.AssigneeId == userId);
                    }
                    break;
                case ReportGrouping.Channel:
                    query = CaseChannelNames.TryParseApiName(key, out var channel) ? query.Where(c => c.Channel == channel) : query.Where(_ => false);
                    break;
                case ReportGrouping.Week:
                    if (DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var monday))
                    {
                        DateOnly? weekStart = SlaReportRules.WeekOf(monday), weekEnd = SlaReportRules.WeekOf(monday).AddDays(7);
                        query = query.Where(c => c.FirstResponseDueLocalDate >= weekStart && c.FirstResponseDueLocalDate < weekEnd);
                    }
                    else
                    {
                        query = query.Where(_ => false);
                    }
                    break;
                default:
                    break;
            }
        }
        var at = now.UtcDateTime;
        query = outcome switch
        {
            SlaOutcome.Met => query.Where(c => c.FirstRespondedAtUtc != null && c.FirstRespondedAtUtc <= c.FirstResponseDueAtUtc),
            SlaOutcome.Missed => query.Where(c => (c.FirstRespondedAtUtc != null && c.FirstRespondedAtUtc > c.FirstResponseDueAtUtc) || (c.FirstRespondedAtUtc == null && c.FirstResponseDueAtUtc < at)),
            SlaOutcome.Pending => query.Where(c => c.FirstRespondedAtUtc == null && c.FirstResponseDueAtUtc >= at),
            _ => query,
        };
        return query.OrderBy(c => c.FirstResponseDueAtUtc).ThenBy(c => c.Number);
    }

    private static IQueryable<ReportCase> Project(SupportConsoleDbContext db, IQueryable<SupportCase> query, DateTimeOffset now) =>
        from c in query
        join u in db.Users on c.AssigneeId equals u.Id into assignees
        from u in assignees.DefaultIfEmpty()
        select new ReportCase(c.Number, c.Subject, c.Customer != null ? c.Customer.Name : "", c.Queue, c.Severity, c.Channel,
            u != null ? u.Email ?? "" : "", c.Status, c.ReceivedAtUtc.AsInstant(), c.FirstResponseDueAtUtc!.Value.AsInstant(),
            c.FirstRespondedAtUtc.AsInstant(), c.FirstResponseBusinessSeconds,
            SlaReportRules.Classify(c.FirstResponseDueAtUtc.Value.AsInstant(), c.FirstRespondedAtUtc.AsInstant(), now));

    private static SlaReportKey KeyOf(ReportGrouping grouping) => grouping switch
    {
        ReportGrouping.None => SlaReportKey.All,
        ReportGrouping.Queue => SlaReportKey.Queue,
        ReportGrouping.Severity => SlaReportKey.Severity,
        ReportGrouping.Customer => SlaReportKey.Customer,
        ReportGrouping.Agent => SlaReportKey.Assignee,
        ReportGrouping.Channel => SlaReportKey.Channel,
        ReportGrouping.Week => SlaReportKey.Week,
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown grouping."),
    };

    private static SlaReportRow ToRow(SlaReportAggregate a, string key, string label) =>
        new(key, label, a.Due, a.Met, a.Missed, a.Pending, SlaReportRules.Compliance(a.Met, a.Missed), a.P50Seconds, a.P90Seconds, a.P99Seconds);

    private static SlaReportRow Empty(string key, string label) => new(key, label, 0, 0, 0, 0, null, null, null, null);
}
