using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Features.Staff;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Cases;

/// <summary>
/// What agents do to a case: claim, release, reassign, reply, note, change severity or status, escalate. Each action
/// loads the case, asks the domain (<see cref="SupportCase"/>) what happens, and saves the case, its history and any
/// mail once, in one transaction. Races are settled by the database: the case's <see cref="SupportCase.Version"/>
/// lets only one of two agents who read the same case save; the other's action is decided again on the fresh case,
/// so exactly one claim wins and the loser is told who has it. Every action first checks, in the database, that the
/// agent is still active and holds a tier role or Manager (<see cref="ActingUser"/>): a page's sign-in can be hours old.
/// </summary>
public sealed class CaseDesk(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    Outbox outbox,
    CaseChangeNotifier notifier,
    StaffRoster staff,
    BusinessCalendar calendar,
    ActingUser actingUser,
    TimeProvider clock)
{
    /// <summary>
    /// The longest reply or internal note, in characters (after trimming). A reply is mailed to the customer and every
    /// entry is shown on the case page, so one pasted log must not become a multi-megabyte mail or page; logs go in
    /// attachments. The API, the case page and every other caller get the same refusal from here.
    /// </summary>
    public const int MaxReplyLength = 20_000;

    private const int MaxAttempts = 8;

    private const string Gone = "That case no longer exists.";

    public Task<DeskResult> ClaimAsync(long caseId, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, actor, async (step, c) =>
        {
            var number = CaseNumber.Format(c.Number);
            return c.Claim(actor.UserId) switch
            {
                ClaimOutcome.Claimed => step.Saved(CaseChangeKind.Claimed, $"{actor.Name} claimed the case.", $"{number} is yours.", "assigned"),
                ClaimOutcome.AlreadyYours => DeskResult.Ok($"{number} is already yours."),
                ClaimOutcome.NotOpen => DeskResult.Refused($"{number} is {c.Status.DisplayName().ToLowerInvariant()}; reopen it first."),
                _ => DeskResult.Refused($"{await step.NameOfAsync(c.AssigneeId)} already has {number}."),
            };
        }, cancellationToken);

    public Task<DeskResult> ReleaseAsync(long caseId, Actor actor, bool isManager, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, actor, async (step, c) => c.Release(actor.UserId, isManager) switch
        {
            ReleaseOutcome.Released => step.Saved(CaseChangeKind.Released, $"{actor.Name} released the case back to the queue.", $"{CaseNumber.Format(c.Number)} is back in the queue.", "released"),
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
                ? step.Saved(CaseChangeKind.Claimed, $"{actor.Name} assigned the case to {name}.", $"{CaseNumber.Format(c.Number)} is now with {name}.", "assigned")
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
        if (TooLong(body) is { } tooLong)
        {
            return new ReplyResult(false, tooLong, false);
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
            c.ClearCustomerReplied();
            var response = c.RecordResponse(step.Now, calendar.Current);
            first = response != FirstResponseOutcome.NotFirst;
            if (first)
            {
                step.Event(response switch
                {
                    FirstResponseOutcome.FirstMet => $"First response by {actor.Name}: SLA met.",
                    FirstResponseOutcome.FirstLate => $"First response by {actor.Name}: SLA met late.",
                    _ => $"First response by {actor.Name}.",
                }, "first-response");
            }
            if (newStatus is { } status && c.ChangeStatus(status, step.Now))
            {
                step.Event($"{actor.Name} set the status to {status.DisplayName()}.", "status");
            }
            return step.Saved(CaseChangeKind.Replied, first ? $"Reply sent to {c.FromAddress}: first response recorded." : $"Reply sent to {c.FromAddress}.");
        }, cancellationToken);
        return new ReplyResult(result.Succeeded, result.Message, result.Succeeded && first);
    }

    /// <summary>
    /// The assignee opened a case the customer wrote into: the "customer replied" mark is cleared (nobody else's visit
    /// clears it, so it stays until the person who owes the answer has seen it).
    /// </summary>
    public Task<DeskResult> SeenCustomerReplyAsync(long caseId, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, actor, (step, c) => Task.FromResult(c.AssigneeId == actor.UserId && c.ClearCustomerReplied()
            ? step.Saved(CaseChangeKind.CustomerReplySeen, "Seen.")
            : DeskResult.Refused("Nothing to clear.")), cancellationToken);

    public Task<DeskResult> AddNoteAsync(long caseId, Actor actor, string body, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(body)
            ? Task.FromResult(DeskResult.Refused("Write the note first."))
            : TooLong(body) is { } tooLong
            ? Task.FromResult(DeskResult.Refused(tooLong))
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
                        $"Severity is now {severity.DisplayName()}.", "severity")
                    : DeskResult.Refused($"The severity is already {severity.DisplayName()}."));
            }, cancellationToken);

    public Task<DeskResult> ChangeStatusAsync(long caseId, CaseStatus status, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, actor, (step, c) => Task.FromResult(c.ChangeStatus(status, step.Now)
            ? step.Saved(CaseChangeKind.StatusChanged, $"{actor.Name} set the status to {status.DisplayName()}.",
                $"{CaseNumber.Format(c.Number)} is {status.DisplayName().ToLowerInvariant()}.", "status")
            : DeskResult.Refused($"The case is already {status.DisplayName().ToLowerInvariant()}.")), cancellationToken);

    /// <summary>
    /// Hands an open case to Tier 2 or 3 with the reason, records who and when, and assigns it at once to the engineer
    /// of that tier who can start first (<see cref="StaffRoster.ChooseEngineerAsync"/>); its Tier 2-3 pickup clock starts.
    /// When everyone of the tier is at capacity it waits unassigned, and a job assigns it when someone frees up.
    /// </summary>
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
        return ChangeAsync(caseId, actor, async (step, c) =>
        {
            var outcome = c.Escalate(tier);
            if (outcome != EscalationOutcome.Escalated)
            {
                return outcome == EscalationOutcome.NotOpen
                    ? DeskResult.Refused($"{CaseNumber.Format(c.Number)} is {c.Status.DisplayName().ToLowerInvariant()}; only open cases are escalated.")
                    : DeskResult.Refused($"The case is already with {c.Tier.DisplayName()}.");
            }
            foreach (var earlier in await step.Db.Escalations.Where(e => e.CaseId == c.Id && e.EndedAtUtc == null).ToListAsync(cancellationToken))
            {
                earlier.EndedAtUtc = step.Now.UtcDateTime;
            }
            var decision = await staff.ChooseEngineerAsync(step.Db, tier, step.Now, cancellationToken: cancellationToken);
            var (atRisk, due) = calendar.Pickup.DeadlinesFor(calendar.Current, tier, step.Now);
            step.Db.Escalations.Add(new Escalation
            {
                CaseId = c.Id,
                Tier = tier,
                Reason = reason.Trim(),
                EscalatedAtUtc = step.Now.UtcDateTime,
                EscalatedById = actor.UserId,
                EscalatedByName = actor.Name,
                PickupAtRiskAtUtc = atRisk.UtcDateTime,
                PickupDueAtUtc = due.UtcDateTime,
            }.AssignedTo(decision, step.Now));
            step.Event($"{actor.Name} escalated the case to {tier.DisplayName()}: {reason.Trim()}", "escalated");
            if (decision.Engineer is { } engineer)
            {
                c.AssignTo(engineer.Id);
                await step.MarkAssignedAsync(engineer.Id);
                step.Event($"Assigned to {engineer.Name}: {decision.Explanation}", "assigned");
            }
            else
            {
                step.Event(decision.Explanation, "assigned");
            }
            return step.Saved(CaseChangeKind.Escalated, decision.Engineer is { } chosen
                ? $"{CaseNumber.Format(c.Number)} is escalated to {tier.DisplayName()} and assigned to {chosen.Name}."
                : $"{CaseNumber.Format(c.Number)} is escalated to {tier.DisplayName()}; {decision.Explanation}");
        }, cancellationToken);
    }

    /// <summary>
    /// An engineer starts on an escalation: it becomes theirs and its pickup clock stops. Only an engineer of the
    /// case's tier may (a Tier 2 engineer takes a Tier 3 case only when they also hold Tier 3), checked on their
    /// current roles.
    /// </summary>
    public Task<DeskResult> PickUpAsync(long caseId, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, actor, async (step, c) =>
        {
            var escalation = await step.Db.Escalations.FirstOrDefaultAsync(e => e.CaseId == c.Id && e.EndedAtUtc == null, cancellationToken);
            if (escalation is null || !c.IsOpen)
            {
                return DeskResult.Refused($"{CaseNumber.Format(c.Number)} is not waiting for Tier 2 or 3.");
            }
            if (!await step.HoldsRoleAsync(actor.UserId, StaffRoster.RoleOf(escalation.Tier)))
            {
                return DeskResult.Refused($"Only a {escalation.Tier.DisplayName()} engineer can pick up this case.");
            }
            if (escalation.PickedUpAtUtc is not null && escalation.AssigneeId == actor.UserId)
            {
                return DeskResult.Ok($"{CaseNumber.Format(c.Number)} is already yours.");
            }
            var from = escalation.AssigneeId is { } previous && previous != actor.UserId ? $" from {await step.NameOfAsync(previous)}" : "";
            escalation.PickedUpAtUtc ??= step.Now.UtcDateTime;
            escalation.AssigneeId = actor.UserId;
            escalation.AssignedAtUtc ??= step.Now.UtcDateTime;
            escalation.Version++;
            c.AssignTo(actor.UserId);
            var onTime = step.Now.UtcDateTime <= escalation.PickupDueAtUtc ? "within the pickup target" : "after the pickup target";
            return step.Saved(CaseChangeKind.Claimed, $"{actor.Name} picked up the escalation{from}, {onTime}.", $"{CaseNumber.Format(c.Number)} is yours.", "picked-up");
        }, cancellationToken);

    /// <summary>An engineer hands the case back to Tier 1 with a note: the escalation ends and the case returns to its queue.</summary>
    public Task<DeskResult> HandBackAsync(long caseId, string note, Actor actor, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(note)
            ? Task.FromResult(DeskResult.Refused("Say what Tier 1 should do next; the note goes in the case's history."))
            : ChangeAsync(caseId, actor, async (step, c) =>
            {
                var escalation = await step.Db.Escalations.FirstOrDefaultAsync(e => e.CaseId == c.Id && e.EndedAtUtc == null, cancellationToken);
                if (escalation is null || !c.Tier.IsEngineering())
                {
                    return DeskResult.Refused($"{CaseNumber.Format(c.Number)} is not with Tier 2 or 3.");
                }
                if (!await step.HoldsRoleAsync(actor.UserId, StaffRoster.RoleOf(escalation.Tier), Roles.Manager))
                {
                    return DeskResult.Refused($"Only a {escalation.Tier.DisplayName()} engineer or a manager can hand this case back.");
                }
                escalation.EndedAtUtc = step.Now.UtcDateTime;
                escalation.Version++;
                c.ReturnToTier1();
                return step.Saved(CaseChangeKind.Escalated, $"{actor.Name} handed the case back to Tier 1: {note.Trim()}",
                    $"{CaseNumber.Format(c.Number)} is back in Tier 1's {c.Queue.DisplayName().ToLowerInvariant()}.", "handed-back");
            }, cancellationToken);

    /// <summary>A manager gives an escalation to an engineer of its tier, with a reason, whatever the rule would choose.</summary>
    public Task<DeskResult> AssignEscalationAsync(long caseId, string engineerId, string reason, Actor actor, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(DeskResult.Refused("Say why this engineer; the reason goes in the case's history."))
            : ChangeAsync(caseId, actor, async (step, c) =>
            {
                var escalation = await step.Db.Escalations.FirstOrDefaultAsync(e => e.CaseId == c.Id && e.EndedAtUtc == null, cancellationToken);
                if (escalation is null)
                {
                    return DeskResult.Refused($"{CaseNumber.Format(c.Number)} is not with Tier 2 or 3.");
                }
                if (!await step.HoldsRoleAsync(engineerId, StaffRoster.RoleOf(escalation.Tier)))
                {
                    return DeskResult.Refused($"Choose an active {escalation.Tier.DisplayName()} engineer.");
                }
                var name = await step.NameOfAsync(engineerId);
                escalation.AssigneeId = engineerId;
                escalation.AssignedAtUtc = step.Now.UtcDateTime;
                escalation.AssignedBecause = $"{name}: chosen by {actor.Name}: {reason.Trim()}";
                escalation.Version++;
                c.AssignTo(engineerId);
                await step.MarkAssignedAsync(engineerId);
                return step.Saved(CaseChangeKind.Claimed, $"{actor.Name} assigned the escalation to {name}: {reason.Trim()}", $"{CaseNumber.Format(c.Number)} is now with {name}.", "assigned");
            }, cancellationToken);

    /// <summary>
    /// Assigns an escalation again by the rule, leaving out <paramref name="excludingUserId"/> (who went on leave) —
    /// for the jobs that assign waiting escalations and move unstarted ones off someone's time off.
    /// </summary>
    public Task<DeskResult> ReassignEscalationByRuleAsync(long caseId, string? excludingUserId, string why, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, SystemActor, async (step, c) =>
        {
            var escalation = await step.Db.Escalations.FirstOrDefaultAsync(e => e.CaseId == c.Id && e.EndedAtUtc == null && e.PickedUpAtUtc == null, cancellationToken);
            if (escalation is null || !c.IsOpen)
            {
                return DeskResult.Refused("Nothing to assign.");
            }
            // Decided again without this escalation counting against the engineer who holds it.
            var decision = await staff.ChooseEngineerAsync(step.Db, escalation.Tier, step.Now, excludingUserId, cancellationToken, ignoringEscalationId: escalation.Id);
            if (decision.Engineer?.Id == escalation.AssigneeId)
            {
                return DeskResult.Refused("The rule keeps the same engineer.");
            }
            if (escalation.AssigneeId is { } holder && holder != excludingUserId
                && await staff.EarliestStartAsync(step.Db, holder, escalation.Tier, step.Now, cancellationToken) is { } holderStart
                && (decision.Engineer?.AvailableFrom is not { } chosenStart || Max(holderStart, step.Now) <= Max(chosenStart, step.Now)))
            {
                // Only who starts first moves work: the tie-breaks (load, last assigned, name) never take it from its holder.
                return DeskResult.Refused("The engineer who holds it can still start as early as anyone.");
            }
            escalation.AssignedTo(decision, step.Now);
            escalation.Version++;
            if (decision.Engineer is { } engineer)
            {
                c.AssignTo(engineer.Id);
                await step.MarkAssignedAsync(engineer.Id);
            }
            else
            {
                c.AssigneeId = null;
            }
            return step.Saved(CaseChangeKind.Claimed, decision.Engineer is { } chosen ? $"{why} Assigned to {chosen.Name}: {decision.Explanation}" : $"{why} {decision.Explanation}",
                decision.Explanation, "assigned");
        }, cancellationToken);

    private static readonly Actor SystemActor = new("", CaseEntry.SystemAuthor, "");

    /// <summary>The refusal for a reply or note over <see cref="MaxReplyLength"/>, or null when it fits.</summary>
    public static string? TooLong(string body) =>
        body.Trim().Length > MaxReplyLength
            ? $"A reply or note has at most {MaxReplyLength} characters (this one has {body.Trim().Length}); attach long logs to the case instead."
            : null;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>
    /// Loads the case, lets <paramref name="decide"/> change it, and saves everything once. A save that lost a race
    /// (another agent saved the case first) is decided again on the fresh case.
    /// </summary>
    private async Task<DeskResult> ChangeAsync(long caseId, Actor actor, Func<DeskStep, SupportCase, Task<DeskResult>> decide, CancellationToken cancellationToken)
    {
        // The agent's roles as they are now, not as their page's sign-in said: the system's own actions skip it.
        if (!ReferenceEquals(actor, SystemActor) && await actingUser.RefusalAsync(actor.UserId, ActingUser.DeskRoles, cancellationToken) is { } refusal)
        {
            return DeskResult.Refused(refusal);
        }
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

        public void Event(string text, string? timelineEvent = null) => Add(CaseEntry.SystemEvent(supportCase.Id, now, text, timelineEvent));

        /// <summary>Notes when an engineer was last given an escalation (the rule's tie-break).</summary>
        public async Task MarkAssignedAsync(string userId)
        {
            var profile = await db.StaffProfiles.FirstOrDefaultAsync(p => p.UserId == userId);
            if (profile is null)
            {
                profile = new StaffProfile { UserId = userId };
                db.StaffProfiles.Add(profile);
            }
            profile.LastAssignedAtUtc = now.UtcDateTime;
        }

        /// <summary>Whether an active account holds a role now (read from the database, not from a sign-in cookie).</summary>
        public Task<bool> HoldsRoleAsync(string userId, params string[] roles) => db.ActiveUsersInRole(roles).AnyAsync(u => u.Id == userId);

        public OutboxMessage Send(OutboxMessage mail)
        {
            db.Outbox.Add(mail);
            Mail.Add(mail);
            return mail;
        }

        /// <summary>Marks the action as one to save and publish, with an optional history entry, and says so.</summary>
        public DeskResult Saved(CaseChangeKind kind, string historyOrMessage, string? message = null, string? timelineEvent = null)
        {
            Kind = kind;
            if (message is null)
            {
                return DeskResult.Ok(historyOrMessage);
            }
            Event(historyOrMessage, timelineEvent);
            return DeskResult.Ok(message);
        }

        public async Task<string> NameOfAsync(string? userId) =>
            userId is null ? "nobody" : await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => u.DisplayName != "" ? u.DisplayName : u.Email!).FirstOrDefaultAsync() ?? "another agent";
    }
}
