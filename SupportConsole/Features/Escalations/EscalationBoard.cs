using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Staff;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Escalations;

/// <summary>Open escalations and the engineers' load, read for the Escalations page, oldest escalation first.</summary>
public sealed class EscalationBoard(IDbContextFactory<SupportConsoleDbContext> dbFactory, StaffRoster staff, TimeProvider clock)
{
    public async Task<IReadOnlyList<EscalationRow>> OpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from e in db.Escalations.AsNoTracking()
                          where e.EndedAtUtc == null
                          join c in db.Cases on e.CaseId equals c.Id
                          where c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer
                          join u in db.Users on e.AssigneeId equals u.Id into assignees
                          from u in assignees.DefaultIfEmpty()
                          orderby e.EscalatedAtUtc, e.Id
                          select new
                          {
                              e, c.Number, c.Subject, c.Severity, c.Status,
                              CustomerName = c.Customer != null ? c.Customer.Name : null,
                              Plan = c.Customer != null ? c.Customer.Plan : (Domain.Plans.SupportPlan?)null,
                              AssigneeName = u == null ? null : (u.DisplayName != "" ? u.DisplayName : u.Email),
                              LastCustomer = db.CaseEntries.Where(x => x.CaseId == c.Id && x.Kind == CaseEntryKind.CustomerMessage).Max(x => (DateTime?)x.AtUtc),
                              LastReply = db.CaseEntries.Where(x => x.CaseId == c.Id && (x.Kind == CaseEntryKind.Reply || x.Kind == CaseEntryKind.PhoneCall)).Max(x => (DateTime?)x.AtUtc),
                          }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new EscalationRow(
            r.e.CaseId, r.Number, r.Subject, r.e.Tier, r.Severity, r.Status, r.CustomerName, r.Plan, r.e.Reason, r.e.EscalatedById, r.e.EscalatedByName,
            r.e.EscalatedAtUtc.AsInstant(), r.e.AssigneeId, r.AssigneeName, r.e.AssignedBecause, r.e.PickupDueAtUtc.AsInstant(), r.e.PickupAtRiskAtUtc.AsInstant(),
            r.e.PickedUpAtUtc.AsInstant(),
            // The customer wrote after the escalation and after our last answer.
            r.LastCustomer is { } wrote && wrote > r.e.EscalatedAtUtc && (r.LastReply is not { } answered || wrote > answered)))];
    }

    /// <summary>Every Tier 2 and Tier 3 engineer with their open escalations, load, next availability and calls today.</summary>
    public async Task<IReadOnlyList<EngineerLoad>> LoadBoardAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = TierCalendar.LocalDateOf(now);
        var members = (await staff.ListAsync(cancellationToken: cancellationToken)).Where(m => !m.IsDisabled && m.Roles.Any(r => r is Roles.Tier2 or Roles.Tier3)).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var from = now.UtcDateTime.AddDays(-1);
        var until = now.UtcDateTime.AddDays(1);
        var calls = (await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Booked && c.StartUtc >= from && c.StartUtc < until)
                .Select(c => new { c.EngineerId, c.StartUtc }).ToListAsync(cancellationToken))
            .Where(c => TierCalendar.LocalDateOf(c.StartUtc.AsInstant()) == today)
            .GroupBy(c => c.EngineerId).ToDictionary(g => g.Key, g => g.Count());
        return [.. members.Select(m => new EngineerLoad(m.UserId, m.Name, [.. SupportTiers.Escalation.Where(t => m.Roles.Contains(StaffRoster.RoleOf(t)))],
            m.OpenEscalations, m.Capacity, m.Load, m.AvailableNow, m.NextAvailableAt, calls.GetValueOrDefault(m.UserId)))
            .OrderBy(l => l.Tiers.Min()).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase)];
    }
}
