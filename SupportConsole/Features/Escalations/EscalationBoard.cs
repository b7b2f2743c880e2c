using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Features.Escalations;

public sealed record EscalatedCase(long Id, long Number, int Tier, string Subject, string? CustomerName, CaseQueue Queue, Severity Severity,
    CaseStatus Status, string? AssigneeId, string? AssigneeName, FirstResponseDeadline Deadline, DateTimeOffset? FirstRespondedAt, DateTimeOffset ReceivedAt);

/// <summary>Open cases escalated to Tier 2 or 3, oldest first.</summary>
public sealed class EscalationBoard(IDbContextFactory<SupportConsoleDbContext> dbFactory)
{
    public async Task<IReadOnlyList<EscalatedCase>> OpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from c in db.Cases.AsNoTracking()
                          where c.Tier > 1 && (c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer)
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
            new FirstResponseDeadline(Utc(r.ClockStartsAtUtc), r.AtRiskAtUtc is { } risk ? Utc(risk) : null, r.FirstResponseDueAtUtc is { } due ? Utc(due) : null),
            r.FirstRespondedAtUtc is { } answered ? Utc(answered) : null, Utc(r.ReceivedAtUtc)))];
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
