using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.OutgoingMail;

namespace SupportConsole.Features.Cases;

/// <summary>
/// What agents do to a case: claim, release, reassign, reply, note, change severity or status, escalate. Each action
/// loads the case, asks the domain (<see cref="SupportCase"/>) what happens, and saves the case, its history and any
/// mail once, in one transaction. Races are settled by the database: the case's <see cref="SupportCase.Version"/>
/// lets only one of two agents who read the same case save; the other's action is decided again on the fresh case,
/// so exactly one claim wins and the loser is told who has it.
/// </summary>
public sealed class CaseDesk(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    Outbox outbox,
    CaseChangeNotifier notifier,
    TimeProvider clock)
{
    private const int MaxAttempts = 8;

    private const string Gone = "That case no longer exists.";

    public Task<DeskResult> ClaimAsync(long caseId, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, actor, async (step, c) =>
        {
            var number = CaseNumber.Format(c.Number);
            return c.Claim(actor.UserId) switch
            {
                ClaimOutcome.Claimed => step.Saved(CaseChangeKind.Claimed, $"{actor.Name} claimed the case.", $"{number} is yours."),
                ClaimOutcome.AlreadyYours => DeskResult.Ok($"{number} is already yours."),
                ClaimOutcome.NotOpen => DeskResult.Refused($"{number} is {c.Status.DisplayName().ToLowerInvariant()}; reopen it first."),
                _ => DeskResult.Refused($"{await step.NameOfAsync(c.AssigneeId)} already has {number}."),
            };
        }, cancellationToken);

    public Task<DeskResult> ReleaseAsync(long caseId, Actor actor, bool isManager, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, actor, async (step, c) => c.Release(actor.UserId, isManager) switch
        {
            ReleaseOutcome.Released => step.Saved(CaseChangeKind.Released, $"{actor.Name} released the case back to the queue.", $"{CaseNumber.Format(c.Number)} is back in the queue."),
            ReleaseOutcome.NobodyHolds => DeskResult.Refused("Nobody holds this case."),
            _ => DeskResult.Refused($"Only {await step.NameOfAsync(c.AssigneeId)} or a manager can release it."),
        }, cancellationToken);

    public async Task<DeskResult> ReassignAsync(long caseId, string toUserId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Users.AnyAsync(u => u.Id == toUserId && !u.IsDisabled, cancellationToken))
            {
                return DeskResult.Refused("Choose an active agent to hand the case to.");
            }
        }
        return await ChangeAsync(caseId, actor, async (step, c) =>
        {
            var name = await step.NameOfAsync(toUserId);
            return c.AssignTo(toUserId)
                ? step.Saved(CaseChangeKind.Claimed, $"{actor.Name} assigned the case to {name}.", $"{CaseNumber.Format(c.Number)} is now with {name}.")
                : DeskResult.Refused($"{name} already has {CaseNumber.Format(c.Number)}.");
        }, cancellationToken);
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
        var first = false;
        var result = await ChangeAsync(caseId, actor, async (step, c) =>
        {
            var lastCustomerMessage = await step.Db.CaseEntries.AsNoTracking()
                .Where(e => e.CaseId == caseId && e.Kind == CaseEntryKind.CustomerMessage && e.MessageId != null)
                .OrderByDescending(e => e.Id).Select(e => e.MessageId).FirstOrDefaultAsync(cancellationToken);
            var number = CaseNumber.Format(c.Number);
            var mail = step.Send(outbox.Compose(OutboxKind.Reply, c.FromAddress, $"Re: [{number}] {c.Subject}",
                $"{body.Trim()}\n\n{actor.Name}\nSupportConsole Support\n\nTo reply, answer this email and keep {number} in the subject.", step.Now, c.Id, lastCustomerMessage));
            step.Add(new CaseEntry { CaseId = c.Id, Kind = CaseEntryKind.Reply, AtUtc = step.Now.UtcDateTime, Author = actor.Email, Body = body.Trim(), MessageId = mail.MessageId });
            var response = c.RecordResponse(step.Now);
            first = response != FirstResponseOutcome.NotFirst;
            if (first)
            {
                step.Event(response switch
                {
                    FirstResponseOutcome.FirstMet => $"First response by {actor.Name}: SLA met.",
                    FirstResponseOutcome.FirstLate => $"First response by {actor.Name}: SLA met late.",
                    _ => $"First response by {actor.Name}.",
                });
            }
            if (newStatus is { } status && c.ChangeStatus(status))
            {
                step.Event($"{actor.Name} set the status to {status.DisplayName()}.");
            }
            return step.Saved(CaseChangeKind.Replied, first ? $"Reply sent to {c.FromAddress}: first response recorded." : $"Reply sent to {c.FromAddress}.");
        }, cancellationToken);
        return new ReplyResult(result.Succeeded, result.Message, result.Succeeded && first);
    }

    public Task<DeskResult> AddNoteAsync(long caseId, Actor actor, string body, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(body)
            ? Task.FromResult(DeskResult.Refused("Write the note first."))
            : ChangeAsync(caseId, actor, (step, c) =>
            {
                step.Add(new CaseEntry { CaseId = c.Id, Kind = CaseEntryKind.InternalNote, AtUtc = step.Now.UtcDateTime, Author = actor.Email, Body = body.Trim() });
                return Task.FromResult(step.Saved(CaseChangeKind.NoteAdded, "Internal note added (customers never see it)."));
            }, cancellationToken);

    public Task<DeskResult> ChangeSeverityAsync(long caseId, CaseSeverity severity, string reason, Actor actor, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(DeskResult.Refused("Say why the severity changes; the reason goes in the case's history."))
            : ChangeAsync(caseId, actor, (step, c) =>
            {
                var before = c.Severity;
                return Task.FromResult(c.ChangeSeverity(severity)
                    ? step.Saved(CaseChangeKind.SeverityChanged,
                        $"{actor.Name} changed the severity from {before.DisplayName()} to {severity.DisplayName()}: {reason.Trim()}",
                        $"Severity is now {severity.DisplayName()}.")
                    : DeskResult.Refused($"The severity is already {severity.DisplayName()}."));
            }, cancellationToken);

    public Task<DeskResult> ChangeStatusAsync(long caseId, CaseStatus status, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, actor, (step, c) => Task.FromResult(c.ChangeStatus(status)
            ? step.Saved(CaseChangeKind.StatusChanged, $"{actor.Name} set the status to {status.DisplayName()}.",
                $"{CaseNumber.Format(c.Number)} is {status.DisplayName().ToLowerInvariant()}.")
            : DeskResult.Refused($"The case is already {status.DisplayName().ToLowerInvariant()}.")), cancellationToken);

    /// <summary>Hands an open case to Tier 2 or 3: it leaves the Tier 1 assignee and waits for an engineer.</summary>
    public Task<DeskResult> EscalateAsync(long caseId, SupportTier tier, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!tier.IsEngineering())
        {
            return Task.FromResult(DeskResult.Refused("Escalate to Tier 2 or Tier 3."));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(DeskResult.Refused($"Say why it needs {tier.DisplayName()}: what was tried, what the engineer should look at."));
        }
        return ChangeAsync(caseId, actor, (step, c) => Task.FromResult(c.Escalate(tier) switch
        {
            EscalationOutcome.Escalated => step.Saved(CaseChangeKind.Escalated, $"{actor.Name} escalated the case to {tier.DisplayName()}: {reason.Trim()}",
                $"{CaseNumber.Format(c.Number)} is escalated to {tier.DisplayName()}."),
            EscalationOutcome.NotOpen => DeskResult.Refused($"{CaseNumber.Format(c.Number)} is {c.Status.DisplayName().ToLowerInvariant()}; only open cases are escalated."),
            _ => DeskResult.Refused($"The case is already with {c.Tier.DisplayName()}."),
        }), cancellationToken);
    }

    /// <summary>
    /// Loads the case, lets <paramref name="decide"/> change it, and saves everything once. A save that lost a race
    /// (another agent saved the case first) is decided again on the fresh case.
    /// </summary>
    private async Task<DeskResult> ChangeAsync(long caseId, Actor actor, Func<DeskStep, SupportCase, Task<DeskResult>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var supportCase = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            if (supportCase is null)
            {
                return DeskResult.Refused(Gone);
            }
            var step = new DeskStep(db, supportCase, clock.GetUtcNow().ToWholeSecond());
            var result = await decide(step, supportCase);
            if (step.Kind is not { } kind)
            {
                return result;
            }
            supportCase.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                continue;
            }
            outbox.Dispatch(step.Mail);
            notifier.Publish(new CaseChange(supportCase.Id, supportCase.Number, kind, supportCase.Queue, step.Now, actor.Name));
            return result;
        }
    }

    /// <summary>One attempt at an action: the context it writes into, the instant, and what it will save and publish.</summary>
    private sealed class DeskStep(SupportConsoleDbContext db, SupportCase supportCase, DateTimeOffset now)
    {
        public SupportConsoleDbContext Db => db;

        public DateTimeOffset Now => now;

        public CaseChangeKind? Kind { get; private set; }

        public List<OutboxMessage> Mail { get; } = [];

        public void Add(CaseEntry entry) => db.CaseEntries.Add(entry);

        public void Event(string text) => Add(CaseEntry.SystemEvent(supportCase.Id, now, text));

        public OutboxMessage Send(OutboxMessage mail)
        {
            db.Outbox.Add(mail);
            Mail.Add(mail);
            return mail;
        }

        /// <summary>Marks the action as one to save and publish, with an optional history entry, and says so.</summary>
        public DeskResult Saved(CaseChangeKind kind, string historyOrMessage, string? message = null)
        {
            Kind = kind;
            if (message is null)
            {
                return DeskResult.Ok(historyOrMessage);
            }
            Event(historyOrMessage);
            return DeskResult.Ok(message);
        }

        public async Task<string> NameOfAsync(string? userId) =>
            userId is null ? "nobody" : await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => u.DisplayName != "" ? u.DisplayName : u.Email!).FirstOrDefaultAsync() ?? "another agent";
    }
}
