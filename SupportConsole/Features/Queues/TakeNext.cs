using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Cases;

namespace SupportConsole.Features.Queues;

/// <summary>
/// "Take next": picks by <see cref="TakeNextRule"/> over the database's unclaimed cases awaiting a first response,
/// claims with <see cref="CaseDesk.ClaimAsync"/> (one conditional UPDATE) and, when another agent won that case a
/// moment earlier, moves on to the next candidate. Never claims two cases and never a case someone else holds.
/// </summary>
public sealed class TakeNext(IDbContextFactory<SupportConsoleDbContext> dbFactory, CaseDesk desk, DeskSettings settings, ActingUser actingUser)
{
    private const int MaxAttempts = 25;

    public async Task<TakeNextResult> TakeAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var exception = await settings.SeverityExceptionAsync(cancellationToken);
        var rule = TakeNextRule.Describe(exception);
        // Checked once up front: a refused claim would otherwise read as "someone else got it" and try every candidate.
        if (await actingUser.RefusalAsync(actor.UserId, ActingUser.DeskRoles, cancellationToken) is { } refusal)
        {
            return new TakeNextResult(false, refusal, null, null, null, rule);
        }
        var lost = new HashSet<long>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var candidates = await CandidatesAsync(cancellationToken);
            var choice = TakeNextRule.Choose(candidates.Where(c => !lost.Contains(c.Id)), exception);
            if (choice is null)
            {
                return new TakeNextResult(false, "Nothing to take: no unclaimed case is awaiting a first response.", null, null, null, rule);
            }
            var claim = await desk.ClaimAsync(choice.Case.Id, actor, cancellationToken);
            if (claim.Succeeded)
            {
                return new TakeNextResult(true, claim.Message, choice.Case.Id, choice.Case.Number, choice.Reason, rule);
            }
            lost.Add(choice.Case.Id); // someone else got it first: the next one by the same rule
        }
        return new TakeNextResult(false, "Other agents kept taking the candidates first; try again.", null, null, null, rule);
    }

    private async Task<List<TakeNextCandidate>> CandidatesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Cases.AsNoTracking()
            .Where(SupportCase.IsInTier1Queue)
            .Where(c => c.AssigneeId == null && c.FirstRespondedAtUtc == null)
            .Select(c => new { c.Id, c.Number, c.Queue, c.Severity, c.ArrivalSequence, c.ReceivedAtUtc })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new TakeNextCandidate(c.Id, c.Number, c.Queue, c.Severity, c.ArrivalSequence,
            c.ReceivedAtUtc.AsInstant(), true, true))];
    }
}
