using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Email;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Features.Cases;

/// <summary>Who is acting: an agent (user id, display name, email) or the API on an agent's behalf.</summary>
public sealed record Actor(string UserId, string Name, string Email);

public sealed record DeskResult(bool Succeeded, string Message)
{
    public static DeskResult Ok(string message) => new(true, message);
    public static DeskResult Refused(string message) => new(false, message);
}

public sealed record ReplyResult(bool Succeeded, string Message, bool WasFirstResponse);

/// <summary>
/// What agents do to a case: claim, release, reassign, reply, note, change severity or status, escalate.
/// Races are settled by the database, not by the page: a claim is one conditional UPDATE ("only if nobody
/// holds it"), and the first response is set only if none is recorded yet, so exactly one of two racing
/// agents wins and the other is told who did.
/// </summary>
public sealed class CaseDesk(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    Outbox outbox,
    CaseChangeNotifier notifier,
    TimeProvider clock)
{
    public async Task<DeskResult> ClaimAsync(long caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var won = await db.Cases
            .Where(c => c.Id == caseId && c.AssigneeId == null && (c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeId, actor.UserId), cancellationToken);
        var supportCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (supportCase is null)
        {
            return DeskResult.Refused("That case no longer exists.");
        }
        if (won == 0)
        {
            if (supportCase.AssigneeId == actor.UserId)
            {
                return DeskResult.Ok($"{CaseNumber.Format(supportCase.Number)} is already yours.");
            }
            if (!supportCase.IsOpen)
            {
                return DeskResult.Refused($"{CaseNumber.Format(supportCase.Number)} is {supportCase.Status.DisplayName().ToLowerInvariant()}; reopen it first.");
            }
            return DeskResult.Refused($"{await NameOfAsync(db, supportCase.AssigneeId)} already has {CaseNumber.Format(supportCase.Number)}.");
        }
        await EventAsync(db, supportCase, CaseChangeKind.Claimed, actor, $"{actor.Name} claimed the case.", cancellationToken);
        return DeskResult.Ok($"{CaseNumber.Format(supportCase.Number)} is yours.");
    }

    public async Task<DeskResult> ReleaseAsync(long caseId, Actor actor, bool isManager, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var released = await db.Cases
            .Where(c => c.Id == caseId && c.AssigneeId != null && (isManager || c.AssigneeId == actor.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeId, (string?)null), cancellationToken);
        var supportCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (supportCase is null)
        {
            return DeskResult.Refused("That case no longer exists.");
        }
        if (released == 0)
        {
            return DeskResult.Refused(supportCase.AssigneeId is null
                ? "Nobody holds this case."
                : $"Only {await NameOfAsync(db, supportCase.AssigneeId)} or a manager can release it.");
        }
        await EventAsync(db, supportCase, CaseChangeKind.Released, actor, $"{actor.Name} released the case back to the queue.", cancellationToken);
        return DeskResult.Ok($"{CaseNumber.Format(supportCase.Number)} is back in the queue.");
    }

    public async Task<DeskResult> ReassignAsync(long caseId, string toUserId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == toUserId && !u.IsDisabled, cancellationToken);
        if (target is null)
        {
            return DeskResult.Refused("Choose an active agent to hand the case to.");
        }
        var supportCase = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (supportCase is null)
        {
            return DeskResult.Refused("That case no longer exists.");
        }
        supportCase.AssigneeId = target.Id;
        await db.SaveChangesAsync(cancellationToken);
        await EventAsync(db, supportCase, CaseChangeKind.Claimed, actor, $"{actor.Name} assigned the case to {target.NameOrEmail}.", cancellationToken);
        return DeskResult.Ok($"{CaseNumber.Format(supportCase.Number)} is now with {target.NameOrEmail}.");
    }

    /// <summary>
    /// A public reply to the customer, sent by email through the outbox. The first one recorded is the first
    /// response and stops the SLA clock, whether or not it also changes the status.
    /// </summary>
    public async Task<ReplyResult> ReplyAsync(long caseId, Actor actor, string body, CaseStatus? newStatus = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ReplyResult(false, "Write the reply first.", false);
        }
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supportCase = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (supportCase is null)
        {
            return new ReplyResult(false, "That case no longer exists.", false);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only one reply can be the first response: the conditional update decides, inside this transaction.
        var first = await db.Cases
            .Where(c => c.Id == caseId && c.FirstRespondedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstRespondedAtUtc, now.UtcDateTime), cancellationToken) == 1;
        var lastCustomerMessage = await db.CaseEntries.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.Kind == CaseEntryKind.CustomerMessage && e.MessageId != null)
            .OrderByDescending(e => e.Id).Select(e => e.MessageId).FirstOrDefaultAsync(cancellationToken);
        var number = CaseNumber.Format(supportCase.Number);
        var mail = outbox.Compose(OutboxKind.Reply, supportCase.FromAddress, $"Re: [{number}] {supportCase.Subject}",
            $"{body.Trim()}\n\n{actor.Name}\nSupportConsole Support\n\nTo reply, answer this email and keep {number} in the subject.", now, supportCase.Id, lastCustomerMessage);
        db.Outbox.Add(mail);
        db.CaseEntries.Add(new CaseEntry { CaseId = caseId, Kind = CaseEntryKind.Reply, AtUtc = now.UtcDateTime, Author = actor.Email, Body = body.Trim(), MessageId = mail.MessageId });
        if (first)
        {
            var onTime = supportCase.FirstResponseDueAtUtc is not { } due || now.UtcDateTime <= due;
            db.CaseEntries.Add(SystemEntry(caseId, now, supportCase.FirstResponseDueAtUtc is null
                ? $"First response by {actor.Name}."
                : onTime ? $"First response by {actor.Name}: SLA met." : $"First response by {actor.Name}: SLA met late."));
        }
        if (newStatus is { } status && status != supportCase.Status)
        {
            db.CaseEntries.Add(SystemEntry(caseId, now, $"{actor.Name} set the status to {status.DisplayName()}."));
            supportCase.Status = status;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Dispatch([mail]);
        notifier.Publish(new CaseChange(caseId, supportCase.Number, CaseChangeKind.Replied, supportCase.Queue, now, actor.Name));
        return new ReplyResult(true, first ? $"Reply sent to {supportCase.FromAddress}: first response recorded." : $"Reply sent to {supportCase.FromAddress}.", first);
    }

    public async Task<DeskResult> AddNoteAsync(long caseId, Actor actor, string body, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return DeskResult.Refused("Write the note first.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supportCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (supportCase is null)
        {
            return DeskResult.Refused("That case no longer exists.");
        }
        var now = clock.GetUtcNow().ToWholeSecond();
        db.CaseEntries.Add(new CaseEntry { CaseId = caseId, Kind = CaseEntryKind.InternalNote, AtUtc = now.UtcDateTime, Author = actor.Email, Body = body.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(new CaseChange(caseId, supportCase.Number, CaseChangeKind.NoteAdded, supportCase.Queue, now, actor.Name));
        return DeskResult.Ok("Internal note added (customers never see it).");
    }

    public async Task<DeskResult> ChangeSeverityAsync(long caseId, Severity severity, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return DeskResult.Refused("Say why the severity changes; the reason goes in the case's history.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supportCase = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (supportCase is null)
        {
            return DeskResult.Refused("That case no longer exists.");
        }
        if (supportCase.Severity == severity)
        {
            return DeskResult.Refused($"The severity is already {severity.DisplayName()}.");
        }
        var before = supportCase.Severity;
        supportCase.Severity = severity;
        await db.SaveChangesAsync(cancellationToken);
        await EventAsync(db, supportCase, CaseChangeKind.SeverityChanged, actor, $"{actor.Name} changed the severity from {before.DisplayName()} to {severity.DisplayName()}: {reason.Trim()}", cancellationToken);
        return DeskResult.Ok($"Severity is now {severity.DisplayName()}.");
    }

    public async Task<DeskResult> ChangeStatusAsync(long caseId, CaseStatus status, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supportCase = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (supportCase is null)
        {
            return DeskResult.Refused("That case no longer exists.");
        }
        if (supportCase.Status == status)
        {
            return DeskResult.Refused($"The case is already {status.DisplayName().ToLowerInvariant()}.");
        }
        supportCase.Status = status;
        await db.SaveChangesAsync(cancellationToken);
        await EventAsync(db, supportCase, CaseChangeKind.StatusChanged, actor, $"{actor.Name} set the status to {status.DisplayName()}.", cancellationToken);
        return DeskResult.Ok($"{CaseNumber.Format(supportCase.Number)} is {status.DisplayName().ToLowerInvariant()}.");
    }

    /// <summary>Hands the case to Tier 2 or 3: it leaves the Tier 1 assignee and waits for an engineer.</summary>
    public async Task<DeskResult> EscalateAsync(long caseId, int tier, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        if (tier is not (2 or 3))
        {
            return DeskResult.Refused("Escalate to Tier 2 or Tier 3.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return DeskResult.Refused("Say why it needs Tier " + tier + ": what was tried, what the engineer should look at.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supportCase = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (supportCase is null)
        {
            return DeskResult.Refused("That case no longer exists.");
        }
        if (supportCase.Tier >= tier)
        {
            return DeskResult.Refused($"The case is already with Tier {supportCase.Tier}.");
        }
        supportCase.Tier = tier;
        supportCase.AssigneeId = null;
        await db.SaveChangesAsync(cancellationToken);
        await EventAsync(db, supportCase, CaseChangeKind.Escalated, actor, $"{actor.Name} escalated the case to Tier {tier}: {reason.Trim()}", cancellationToken);
        return DeskResult.Ok($"{CaseNumber.Format(supportCase.Number)} is escalated to Tier {tier}.");
    }

    private async Task EventAsync(SupportConsoleDbContext db, SupportCase supportCase, CaseChangeKind kind, Actor actor, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        db.CaseEntries.Add(SystemEntry(supportCase.Id, now, text));
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(new CaseChange(supportCase.Id, supportCase.Number, kind, supportCase.Queue, now, actor.Name));
    }

    private static CaseEntry SystemEntry(long caseId, DateTimeOffset now, string text) =>
        new() { CaseId = caseId, Kind = CaseEntryKind.SystemEvent, AtUtc = now.UtcDateTime, Author = "SupportConsole", Body = text };

    private static async Task<string> NameOfAsync(SupportConsoleDbContext db, string? userId) =>
        userId is null ? "nobody" : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email!).FirstOrDefaultAsync() ?? "another agent";

}
