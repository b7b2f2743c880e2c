using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Sla;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Cases;

public sealed record CaseDto(
    string Number, string Subject, string From, long? CustomerId, string Queue, string RoutingReason, string Channel,
    int Severity, string Status, string ReceivedAt, long ArrivalSequence, string? Assignee, int Tier, CaseSlaDto Sla, EscalationDto? Escalation)
{
    public static CaseDto Of(SupportCase c, string? assigneeEmail, DateTimeOffset now, EscalationDto? escalation = null)
    {
        var deadline = c.Deadline();
        var state = c.SlaStateAt(now);
        return new CaseDto(
            CaseNumber.Format(c.Number), c.Subject, c.FromAddress, c.CustomerId, c.Queue.ToApiName(), c.RoutingReason,
            c.Channel.ToApiName(), (int)c.Severity, c.Status.ToApiName(), ApiFormat.Instant(c.ReceivedAt),
            c.ArrivalSequence, assigneeEmail, c.Tier.Number(),
            new CaseSlaDto(state.ToApiName(), ApiFormat.Instant(deadline.ClockStartsAt), ApiFormat.Instant(deadline.DueAt),
                ApiFormat.Instant(deadline.AtRiskAt), ApiFormat.Instant(c.FirstRespondedAt)),
            escalation);
    }

    /// <summary>The API's view of cases, with each assignee's email and each open escalation read in one query each.</summary>
    public static async Task<IReadOnlyList<CaseDto>> ListAsync(SupportConsoleDbContext db, IReadOnlyCollection<SupportCase> cases, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var caseIds = cases.Select(c => c.Id).ToList();
        var escalations = (await db.Escalations.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.EndedAtUtc == null).ToListAsync(cancellationToken))
            .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Id).First());
        var wanted = cases.Select(c => c.AssigneeId).Concat(escalations.Values.Select(e => e.AssigneeId)).Concat(escalations.Values.Select(e => e.EscalatedById))
            .OfType<string>().Distinct().ToList();
        var emails = wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, cancellationToken);
        return [.. cases.Select(c => Of(c, c.AssigneeId is null ? null : emails.GetValueOrDefault(c.AssigneeId), now,
            escalations.TryGetValue(c.Id, out var e) ? EscalationDto.Of(e, emails) : null))];
    }
}
