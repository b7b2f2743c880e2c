using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Reports;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Reports;

namespace SupportConsole.Features.Dashboard;

/// <summary>
/// The managers' SLA dashboard at one instant, from aggregates the database computes (never every open case or every
/// response pulled into memory): queue health now, who is at risk or breached, the SLA report of the last 30 days
/// (<see cref="SlaReports"/>, the one definition), the backlog and its 30-day trend, what will breach within the next
/// 4 Tier 1 hours if nobody answers, and each agent's load.
/// </summary>
public sealed class SlaDashboard(IDbContextFactory<SupportConsoleDbContext> dbFactory, BusinessCalendar calendar, SlaReports reports, TimeProvider clock)
{
    /// <summary>The forecast's horizon in Tier 1 business time.</summary>
    public static readonly TimeSpan ForecastHorizon = TimeSpan.FromHours(4);

    public const int TrendDays = 30;

    public async Task<DashboardFigures> ReadAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        var at = now.UtcDateTime;
        var calendarNow = calendar.Current;
        var today = TierCalendar.LocalDateOf(now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var perQueue = await db.Cases.AsNoTracking().Where(SupportCase.IsInTier1Queue)
            .GroupBy(c => c.Queue)
            .Select(g => new
            {
                Queue = g.Key,
                Open = g.Count(),
                Unassigned = g.Count(c => c.AssigneeId == null),
                Waiting = g.Count(c => c.FirstRespondedAtUtc == null),
                AtRisk = g.Count(c => c.FirstRespondedAtUtc == null && c.AtRiskAtUtc <= at && c.FirstResponseDueAtUtc >= at),
                Breached = g.Count(c => c.FirstRespondedAtUtc == null && c.FirstResponseDueAtUtc < at),
                OldestWaiting = g.Where(c => c.FirstRespondedAtUtc == null).Min(c => (DateTime?)c.ReceivedAtUtc),
            })
            .ToListAsync(cancellationToken);
        var queues = Enum.GetValues<CaseQueue>().OrderByDescending(q => q).Select(queue =>
            perQueue.FirstOrDefault(q => q.Queue == queue) is { } q
                ? new QueueFigures(queue, q.Open, q.Unassigned, q.Waiting, q.AtRisk, q.Breached,
                    q.OldestWaiting is { } oldest ? calendarNow.BusinessTimeBetween(SupportTier.Tier1, oldest.AsInstant(), now) : null)
                : new QueueFigures(queue, 0, 0, 0, 0, 0, null)).ToList();

        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id, cancellationToken);
        // At risk or breached, earliest due first: the breached come first, as their due is already past.
        var attention = await Attention(db.Cases.AsNoTracking().Where(SupportCase.IsOpenCase)
                .Where(c => c.FirstRespondedAtUtc == null && c.AtRiskAtUtc <= at), 15)
            .ToListAsync(cancellationToken);

        var agents = (await db.Cases.AsNoTracking().Where(SupportCase.IsOpenCase).Where(c => c.AssigneeId != null)
                .GroupBy(c => c.AssigneeId!)
                .Select(g => new { Id = g.Key, Open = g.Count(), Attention = g.Count(c => c.FirstRespondedAtUtc == null && c.AtRiskAtUtc <= at) })
                .ToListAsync(cancellationToken))
            .Select(a => new AgentLoad(names.GetValueOrDefault(a.Id, "?"), a.Open, a.Attention))
            .OrderByDescending(a => a.Open).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();

        // Backlog at the end of each of the last days: open now, plus those closed since, minus those arrived since.
        var backlog = await db.Cases.AsNoTracking().Where(SupportCase.IsOpenCase).LongCountAsync(cancellationToken);
        // Open cases are Tier 1's queues or open escalations (SupportCase.IsOpenEscalation), so the difference counts
        // the escalations without a scan of every case (a Tier condition cannot use the status index).
        var escalated = (int)(backlog - perQueue.Sum(q => q.Open));
        // Today's point is the backlog now; the days before end at a Central midnight (a whole UTC hour).
        var days = Enumerable.Range(0, TrendDays).Select(i => today.AddDays(i - TrendDays + 1)).ToList();
        var ends = days.SkipLast(1).Select(d => SlaReportRules.StartOfCentralDay(d.AddDays(1))).ToList();
        var (arrivedAfter, closedAfter) = await db.ArrivalsAndClosingsAfterAsync(ends, cancellationToken);
        var trend = days.Select((d, i) => new BacklogDay(d, i < ends.Count ? backlog + closedAfter[i] - arrivedAfter[i] : backlog)).ToList();

        var horizon = calendarNow.AddBusinessTime(SupportTier.Tier1, now, ForecastHorizon);
        var until = horizon.UtcDateTime;
        var soon = db.Cases.AsNoTracking().Where(c => c.FirstRespondedAtUtc == null && c.FirstResponseDueAtUtc >= at && c.FirstResponseDueAtUtc <= until);
        var soonCount = await soon.CountAsync(cancellationToken);
        var soonRows = await Attention(soon, 10).ToListAsync(cancellationToken);

        var sla = await reports.ReadAsync(ReportRange.For(ReportPeriod.Last30Days, today), ReportGrouping.None, cancellationToken);
        return new DashboardFigures(now, queues, sla,
            attention.Select(a => a.ToCase(now, names)).ToList(), agents, escalated, backlog, trend,
            new BreachForecast(horizon, soonCount, soonRows.Select(r => r.ToCase(now, names)).ToList()));

        IQueryable<AttentionRow> Attention(IQueryable<SupportCase> cases, int take) =>
            cases.OrderBy(c => c.FirstResponseDueAtUtc).ThenBy(c => c.ArrivalSequence).Take(take)
                .Select(c => new AttentionRow(c.Number, c.Subject, c.Customer != null ? c.Customer.Name : "", c.ClockStartsAtUtc, c.AtRiskAtUtc, c.FirstResponseDueAtUtc, c.AssigneeId));
    }
}
