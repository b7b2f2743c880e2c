using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;

namespace SupportConsole.Features.Dashboard;

/// <summary>
/// The managers' SLA dashboard, computed from the cases' facts at one instant with the shared calendar (SLA states
/// are derived, never read from a stored column): queue health now, who is at risk or breached, first-response
/// performance over 30 days in Tier 1 business time, and each agent's load.
/// </summary>
public sealed class SlaDashboard(IDbContextFactory<SupportConsoleDbContext> dbFactory, BusinessCalendar calendar, TimeProvider clock)
{
    public async Task<DashboardFigures> ReadAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var calendarNow = calendar.Current;
        var since = now.UtcDateTime.AddDays(-30);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.Cases.AsNoTracking()
            .Where(SupportCase.IsOpenCase)
            .Select(c => new { c.Number, c.Subject, c.Queue, c.AssigneeId, c.Tier, c.ReceivedAtUtc, c.ClockStartsAtUtc, c.AtRiskAtUtc, c.FirstResponseDueAtUtc, c.FirstRespondedAtUtc, Customer = c.Customer != null ? c.Customer.Name : "" })
            .ToListAsync(cancellationToken);
        var responded = await db.Cases.AsNoTracking()
            .Where(c => c.FirstResponseDueAtUtc != null && c.FirstRespondedAtUtc != null && c.FirstRespondedAtUtc >= since)
            .Select(c => new { c.ReceivedAtUtc, c.FirstResponseDueAtUtc, c.FirstRespondedAtUtc })
            .ToListAsync(cancellationToken);
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id, cancellationToken);

        var states = open.Select(c => new
        {
            Case = c,
            State = new FirstResponseDeadline(c.ClockStartsAtUtc.AsInstant(), c.AtRiskAtUtc.AsInstant(), c.FirstResponseDueAtUtc.AsInstant())
                .StateAt(c.FirstRespondedAtUtc.AsInstant(), now),
        }).ToList();

        var queues = Enum.GetValues<CaseQueue>().OrderByDescending(q => q).Select(queue =>
        {
            var inQueue = states.Where(s => s.Case.Queue == queue && s.Case.Tier == SupportTier.Tier1).ToList();
            var waiting = inQueue.Where(s => s.Case.FirstRespondedAtUtc is null).ToList();
            TimeSpan? oldest = waiting.Count == 0 ? null : calendarNow.BusinessTimeBetween(SupportTier.Tier1, waiting.Min(s => s.Case.ReceivedAtUtc).AsInstant(), now);
            return new QueueFigures(queue, inQueue.Count, inQueue.Count(s => s.Case.AssigneeId is null), waiting.Count,
                inQueue.Count(s => s.State == SlaState.AtRisk), inQueue.Count(s => s.State == SlaState.Breached), oldest);
        }).ToList();

        var attention = states.Where(s => s.State is SlaState.AtRisk or SlaState.Breached)
            .OrderByDescending(s => s.State == SlaState.Breached).ThenBy(s => s.Case.FirstResponseDueAtUtc)
            .Take(15)
            .Select(s => new AttentionCase(s.Case.Number, s.Case.Subject, s.Case.Customer, s.State, s.Case.FirstResponseDueAtUtc.AsInstant(),
                s.Case.AssigneeId is { } id ? names.GetValueOrDefault(id) : null))
            .ToList();

        var agents = states.Where(s => s.Case.AssigneeId is not null)
            .GroupBy(s => s.Case.AssigneeId!)
            .Select(g => new AgentLoad(names.GetValueOrDefault(g.Key, "?"), g.Count(), g.Count(s => s.State is SlaState.AtRisk or SlaState.Breached)))
            .OrderByDescending(a => a.Open).ToList();

        var met = responded.Count(r => r.FirstRespondedAtUtc <= r.FirstResponseDueAtUtc);
        var businessTimes = responded
            .Select(r => calendarNow.BusinessTimeBetween(SupportTier.Tier1, r.ReceivedAtUtc.AsInstant(), r.FirstRespondedAtUtc!.Value.AsInstant()))
            .Order().ToList();
        var today = TierCalendar.LocalDateOf(now);
        var days = Enumerable.Range(0, 14).Select(i => today.AddDays(i - 13)).Select(day =>
        {
            var ofDay = responded.Where(r => TierCalendar.LocalDateOf(r.FirstRespondedAtUtc!.Value.AsInstant()) == day).ToList();
            return new DailyResponses(day, ofDay.Count(r => r.FirstRespondedAtUtc <= r.FirstResponseDueAtUtc), ofDay.Count(r => r.FirstRespondedAtUtc > r.FirstResponseDueAtUtc));
        }).ToList();

        return new DashboardFigures(now, queues, responded.Count, met, responded.Count - met,
            businessTimes.Count == 0 ? null : businessTimes[businessTimes.Count / 2], days, attention, agents,
            states.Count(s => s.Case.Tier.IsEngineering()));
    }
}
