using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Features.Escalations;

/// <summary>Open cases escalated to Tier 2 or 3, oldest first.</summary>
public sealed class EscalationBoard(IDbContextFactory<SupportConsoleDbContext> dbFactory)
{
    public async Task<IReadOnlyList<EscalatedCase>> OpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from c in db.Cases.AsNoTracking().Where(SupportCase.IsOpenEscalation)
                          join u in db.Users on c.AssigneeId equals u.Id into assignees
                          from u in assignees.DefaultIfEmpty()
                          orderby c.ArrivalSequence
                          select new
                          {
                              c.Id, c.Number, c.Tier, c.Subject, CustomerName = c.Customer != null ? c.Customer.Name : null, c.Queue, c.Severity, c.Status, c.AssigneeId,
                              AssigneeName = u == null ? null : (u.DisplayName != "" ? u.DisplayName : u.Email),
                              c.ClockStartsAtUtc, c.AtRiskAtUtc, c.FirstResponseDueAtUtc, c.FirstRespondedAtUtc, c.ReceivedAtUtc,
                          }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new EscalatedCase(r.Id, r.Number, r.Tier, r.Subject, r.CustomerName, r.Queue, r.Severity, r.Status, r.AssigneeId, r.AssigneeName,
            new FirstResponseDeadline(r.ClockStartsAtUtc.AsInstant(), r.AtRiskAtUtc is { } risk ? risk.AsInstant() : null, r.FirstResponseDueAtUtc is { } due ? due.AsInstant() : null),
            r.FirstRespondedAtUtc is { } answered ? answered.AsInstant() : null, r.ReceivedAtUtc.AsInstant()))];
    }

    }
