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
    int Severity, string Status, string ReceivedAt, long ArrivalSequence, string? Assignee, int Tier, CaseSlaDto Sla)
{
    public static CaseDto Of(SupportCase c, string? assigneeEmail, DateTimeOffset now)
    {
        var deadline = c.Deadline();
        var state = c.SlaStateAt(now);
        return new CaseDto(
            CaseNumber.Format(c.Number), c.Subject, c.FromAddress, c.CustomerId, c.Queue.ToApiName(), c.RoutingReason,
            c.Channel.ToApiName(), (int)c.Severity, c.Status.ToApiName(), ApiFormat.Instant(c.ReceivedAt),
            c.ArrivalSequence, assigneeEmail, c.Tier.Number(),
            new CaseSlaDto(state.ToApiName(), ApiFormat.Instant(deadline.ClockStartsAt), ApiFormat.Instant(deadline.DueAt),
                ApiFormat.Instant(deadline.AtRiskAt), ApiFormat.Instant(c.FirstRespondedAt)));
    }

    /// <summary>The API's view of cases, with each assignee's email read in one query.</summary>
    public static async Task<IReadOnlyList<CaseDto>> ListAsync(SupportConsoleDbContext db, IReadOnlyCollection<SupportCase> cases, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var wanted = cases.Select(c => c.AssigneeId).OfType<string>().Distinct().ToList();
        var emails = wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, cancellationToken);
        return [.. cases.Select(c => Of(c, c.AssigneeId is null ? null : emails.GetValueOrDefault(c.AssigneeId), now))];
    }
}
