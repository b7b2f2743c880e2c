using Hangfire;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Calls;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Staffing;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Features.Staff;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Calls;

/// <summary>
/// Calls between engineers (or sales) and customers: free slots from the one slot engine, bookings that settle in the
/// database (of two bookings of one engineer's slot exactly one wins), reschedules and cancellations, each mailed to
/// both sides as an iCalendar invitation with a stable UID, and reminders 24 hours and 15 minutes before.
/// </summary>
public sealed class CallBook(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    StaffRoster staff,
    BusinessCalendar calendar,
    Outbox outbox,
    CaseChangeNotifier notifier,
    IBackgroundJobClient jobs,
    CallOptions options,
    AppLinks links,
    TimeProvider clock,
    ILogger<CallBook> logger)
{
    /// <summary>Calls use the Tier 2-3 window (Tier 2 and Tier 3 share it, and so does sales).</summary>
    private const SupportTier Window = SupportTier.Tier2;

    /// <summary>Free starts for an engineer over the next <paramref name="businessDays"/> business days.</summary>
    public async Task<IReadOnlyList<BusinessWindow>> SlotsAsync(string engineerId, TimeSpan duration, int businessDays, long? ignoringCallId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (schedule, booked) = await ScheduleAsync(db, engineerId, ignoringCallId, cancellationToken);
        return SlotEngine.FreeSlots(calendar.Current, Window, schedule, booked, Request(duration, now, SlotEngine.UntilAfterBusinessDays(calendar.Current, now, businessDays)));
    }

    /// <summary>
    /// Free starts with anyone of the sales pool (the <c>Sales</c> role, hours from their profiles), each offered with
    /// the salesperson who has the fewest calls booked ahead (then the name), so prospects spread across the team.
    /// </summary>
    public async Task<IReadOnlyList<(BusinessWindow Slot, string SalesId)>> SalesSlotsAsync(TimeSpan duration, int businessDays, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        var until = SlotEngine.UntilAfterBusinessDays(calendar.Current, now, businessDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sales = await db.ActiveUsersInRole(Roles.Sales).OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Select(u => u.Id).ToListAsync(cancellationToken);
        var nowUtc = now.UtcDateTime;
        var booked = await db.Calls.AsNoTracking().Where(c => sales.Contains(c.EngineerId) && c.Status == CallStatus.Booked && c.StartUtc > nowUtc)
            .GroupBy(c => c.EngineerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byStart = new SortedDictionary<DateTimeOffset, (BusinessWindow Slot, string SalesId, int Load)>();
        foreach (var id in sales)
        {
            var (schedule, calls) = await ScheduleAsync(db, id, null, cancellationToken);
            var load = booked.GetValueOrDefault(id);
            foreach (var slot in SlotEngine.FreeSlots(calendar.Current, Window, schedule, calls, Request(duration, now, until)))
            {
                if (!byStart.TryGetValue(slot.Start, out var held) || load < held.Load)
                {
                    byStart[slot.Start] = (slot, id, load);
                }
            }
        }
        return [.. byStart.Values.Select(v => (v.Slot, v.SalesId))];
    }

    /// <summary>Books a call if its slot is still free, settled one booking at a time per engineer in the database.</summary>
    public async Task<CallBookingResult> BookAsync(CallDraft draft, CancellationToken cancellationToken = default)
    {
        if (Check(draft.Duration, draft.AttendeeEmail) is { } problem)
        {
            return new CallBookingResult(null, problem);
        }
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var engineer = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == draft.EngineerId && !u.IsDisabled, cancellationToken);
        if (engineer is null)
        {
            return new CallBookingResult(null, "That engineer is not available for calls any more; choose another.");
        }
        SupportCase? supportCase = null;
        if (draft.CaseId is { } caseId && (supportCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)) is null)
        {
            return new CallBookingResult(null, "That case no longer exists.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockEngineerAsync(db, draft.EngineerId, cancellationToken);
        var (schedule, booked) = await ScheduleAsync(db, draft.EngineerId, null, cancellationToken);
        if (Unavailable(schedule, booked, draft.Duration, now, draft.Start, engineer) is { } refusal)
        {
            await transaction.RollbackAsync(cancellationToken);
            return refusal;
        }
        var call = new Call
        {
            CaseId = draft.CaseId,
            Uid = $"{Guid.NewGuid():N}@supportconsole",
            EngineerId = draft.EngineerId,
            StartUtc = draft.Start.UtcDateTime,
            EndUtc = (draft.Start + draft.Duration).UtcDateTime,
            AttendeeEmail = draft.AttendeeEmail.Trim(),
            AttendeeName = draft.AttendeeName.Trim(),
            Topic = draft.Topic.Trim(),
            Status = CallStatus.Booked,
            CreatedAtUtc = now.UtcDateTime,
        };
        db.Calls.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        var mail = Invitations(call, engineer, supportCase, CalendarMethod.Request, now,
            $"A call is booked for {TierCalendar.FormatCentral(draft.Start)} (US Central)");
        db.Outbox.AddRange(mail);
        if (supportCase is not null)
        {
            db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now,
                $"{draft.BookedBy} booked a call with {engineer.NameOrEmail} and {call.AttendeeName} <{call.AttendeeEmail}> for {TierCalendar.FormatCentral(draft.Start)}.", "call-booked"));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Dispatch(mail);
        ScheduleReminders(call);
        Publish(supportCase, now, draft.BookedBy);
        logger.LogInformation("Call {Call} booked with {Engineer} at {Start}", call.Id, engineer.Email, draft.Start);
        return new CallBookingResult(View(call, engineer, supportCase), $"Booked for {TierCalendar.FormatCentral(draft.Start)} with {engineer.NameOrEmail}; both were sent an invitation.");
    }

    /// <summary>Moves a call to another free start; the invitation goes out again with the same UID and a higher SEQUENCE.</summary>
    public async Task<CallBookingResult> RescheduleAsync(long callId, DateTimeOffset start, TimeSpan duration, string byName, CancellationToken cancellationToken = default)
    {
        if (Check(duration, null) is { } problem)
        {
            return new CallBookingResult(null, problem);
        }
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await BookedCallAsync(db, callId, cancellationToken) is not var (call, engineer, supportCase))
        {
            return new CallBookingResult(null, "That call is not booked any more.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockEngineerAsync(db, call.EngineerId, cancellationToken);
        var (schedule, booked) = await ScheduleAsync(db, call.EngineerId, call.Id, cancellationToken);
        if (Unavailable(schedule, booked, duration, now, start, engineer) is { } refusal)
        {
            await transaction.RollbackAsync(cancellationToken);
            return refusal;
        }
        var was = call.StartUtc.AsInstant();
        call.StartUtc = start.UtcDateTime;
        call.EndUtc = (start + duration).UtcDateTime;
        call.Sequence++;
        call.Version++;
        var mail = Invitations(call, engineer, supportCase, CalendarMethod.Request, now,
            $"The call moved from {TierCalendar.FormatCentral(was)} to {TierCalendar.FormatCentral(start)} (US Central)");
        db.Outbox.AddRange(mail);
        if (supportCase is not null)
        {
            db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now, $"{byName} moved the call from {TierCalendar.FormatCentral(was)} to {TierCalendar.FormatCentral(start)}.", "call-rescheduled"));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Dispatch(mail);
        ScheduleReminders(call);
        Publish(supportCase, now, byName);
        return new CallBookingResult(View(call, engineer, supportCase), $"Moved to {TierCalendar.FormatCentral(start)}; both were sent the updated invitation.");
    }

    /// <summary>Cancels a call; both sides get a METHOD:CANCEL with the same UID so it leaves their calendars.</summary>
    public async Task<CallBookingResult> CancelAsync(long callId, string byName, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await BookedCallAsync(db, callId, cancellationToken) is not var (call, engineer, supportCase))
        {
            return new CallBookingResult(null, "That call is not booked any more.");
        }
        call.Status = CallStatus.Cancelled;
        call.Sequence++;
        call.Version++;
        var mail = Invitations(call, engineer, supportCase, CalendarMethod.Cancel, now, $"The call of {TierCalendar.FormatCentral(call.StartUtc.AsInstant())} (US Central) is cancelled");
        db.Outbox.AddRange(mail);
        if (supportCase is not null)
        {
            db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now, $"{byName} cancelled the call of {TierCalendar.FormatCentral(call.StartUtc.AsInstant())}.", "call-cancelled"));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CallBookingResult(null, "The call changed meanwhile; reload and try again.");
        }
        outbox.Dispatch(mail);
        Publish(supportCase, now, byName);
        return new CallBookingResult(View(call, engineer, supportCase), "Cancelled; both were told.");
    }

    /// <summary>
    /// Logs how a call went on its case. When the case has no first response yet and the call took place, it can be
    /// the first response (at the call's start, never before the case arrived).
    /// </summary>
    public async Task<string?> LogOutcomeAsync(long callId, string outcome, bool asFirstResponse, Actor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(outcome))
        {
            return "Say how the call went.";
        }
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null || call.Status == CallStatus.Cancelled)
        {
            return "That call was cancelled.";
        }
        if (call.StartUtc.AsInstant() > now)
        {
            return "The call has not started yet.";
        }
        call.Status = CallStatus.Held;
        call.Outcome = outcome.Trim();
        call.Version++;
        if (call.CaseId is { } caseId && await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) is { } supportCase)
        {
            db.CaseEntries.Add(new CaseEntry { CaseId = caseId, Kind = CaseEntryKind.PhoneCall, AtUtc = call.StartUtc, Author = actor.Email, Body = $"Call outcome: {outcome.Trim()}" });
            if (asFirstResponse && supportCase.RecordResponse(call.StartUtc.AsInstant(), calendar.Current) != FirstResponseOutcome.NotFirst)
            {
                supportCase.Version++;
                db.CaseEntries.Add(CaseEntry.SystemEvent(caseId, now, $"First response by {actor.Name}: the call of {TierCalendar.FormatCentral(call.StartUtc.AsInstant())}.", "first-response"));
            }
            await db.SaveChangesAsync(cancellationToken);
            notifier.Publish(new CaseChange(supportCase.Id, supportCase.Number, CaseChangeKind.NoteAdded, supportCase.Queue, now, actor.Name));
            return null;
        }
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<CallView>> ForCaseAsync(long caseId, CancellationToken cancellationToken = default) =>
        await ViewsAsync(c => c.CaseId == caseId, cancellationToken);

    /// <summary>An engineer's calls that start in [from, to).</summary>
    public async Task<IReadOnlyList<CallView>> ForEngineerAsync(string engineerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var start = from.UtcDateTime;
        var end = to.UtcDateTime;
        return await ViewsAsync(c => c.EngineerId == engineerId && c.StartUtc >= start && c.StartUtc < end, cancellationToken);
    }

    public async Task<CallView?> FindAsync(long callId, CancellationToken cancellationToken = default) =>
        (await ViewsAsync(c => c.Id == callId, cancellationToken)).FirstOrDefault();

    /// <summary>A reminder job's work: mails both sides if the call is still booked at the time it was scheduled for.</summary>
    public async Task RemindAsync(long callId, DateTime startUtc, string when, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        // A reschedule leaves the old reminders behind: they find a different start and do nothing.
        if (call is null || call.Status != CallStatus.Booked || call.StartUtc != startUtc)
        {
            return;
        }
        var engineer = await db.Users.AsNoTracking().FirstAsync(u => u.Id == call.EngineerId, cancellationToken);
        var subject = $"Reminder: call {when}, {TierCalendar.FormatCentral(call.StartUtc.AsInstant())} (US Central)";
        var body = $"Your call with {engineer.NameOrEmail} and {call.AttendeeName} starts {TierCalendar.FormatCentral(call.StartUtc.AsInstant())} (US Central).\n\n{call.Topic}\n\nSupportConsole Support";
        var mail = new[]
        {
            outbox.Compose(OutboxKind.CallReminder, call.AttendeeEmail, subject, body, now, call.CaseId),
            outbox.Compose(OutboxKind.CallReminder, engineer.Email!, subject, body, now, call.CaseId),
        };
        db.Outbox.AddRange(mail);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Dispatch(mail);
    }

    /// <summary>
    /// Why a start cannot be booked, or null when it can: outside the engineer's availability (hours, notice, grid) is
    /// the caller's mistake; free by availability but overlapping a booked call means someone just took it.
    /// </summary>
    private CallBookingResult? Unavailable(EngineerSchedule schedule, IReadOnlyList<BookedCall> booked, TimeSpan duration, DateTimeOffset now, DateTimeOffset start, AgentUser engineer)
    {
        var request = Request(duration, now, start + duration);
        if (SlotEngine.IsFree(calendar.Current, Window, schedule, booked, request, start))
        {
            return null;
        }
        return SlotEngine.IsFree(calendar.Current, Window, schedule, [], request, start)
            ? new CallBookingResult(null, $"{TierCalendar.FormatCentral(start)} is no longer free with {engineer.NameOrEmail}. Choose another time.", SlotTaken: true)
            : new CallBookingResult(null, $"{TierCalendar.FormatCentral(start)} is not a time {engineer.NameOrEmail} takes calls: choose a quarter hour inside their hours, at least {(int)options.MinimumNotice.TotalMinutes} minutes from now.");
    }

    /// <summary>A booked call (tracked, to change it), its engineer and its case; null when it is not booked any more.</summary>
    private static async Task<(Call Call, AgentUser Engineer, SupportCase? Case)?> BookedCallAsync(SupportConsoleDbContext db, long callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null || call.Status != CallStatus.Booked)
        {
            return null;
        }
        var engineer = await db.Users.AsNoTracking().FirstAsync(u => u.Id == call.EngineerId, cancellationToken);
        var supportCase = call.CaseId is { } caseId ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) : null;
        return (call, engineer, supportCase);
    }

    /// <summary>The slot request every search and booking uses, with the configured buffer and notice.</summary>
    private SlotRequest Request(TimeSpan duration, DateTimeOffset now, DateTimeOffset until) => new(duration, options.Buffer, options.MinimumNotice, now, until);

    private static string? Check(TimeSpan duration, string? attendeeEmail)
    {
        if (duration < TimeSpan.FromMinutes(CallOptions.MinDurationMinutes) || duration > TimeSpan.FromMinutes(CallOptions.MaxDurationMinutes) || duration.Ticks % SlotRequest.Grid.Ticks != 0)
        {
            return $"A call lasts {CallOptions.MinDurationMinutes} to {CallOptions.MaxDurationMinutes} minutes, in quarter hours.";
        }
        if (attendeeEmail is not null && !EmailAddress.TryParse(attendeeEmail, out _, out _))
        {
            return "Give the customer's email address for the invitation.";
        }
        return null;
    }

    /// <summary>Serializes bookings of one engineer: the first write of the transaction takes the engineer's row.</summary>
    private static async Task LockEngineerAsync(SupportConsoleDbContext db, string engineerId, CancellationToken cancellationToken)
    {
        if (await db.StaffProfiles.Where(p => p.UserId == engineerId).ExecuteUpdateAsync(s => s.SetProperty(p => p.BookingVersion, p => p.BookingVersion + 1), cancellationToken) == 0)
        {
            var profile = new StaffProfile { UserId = engineerId, BookingVersion = 1 };
            db.StaffProfiles.Add(profile);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Someone created the profile at the same moment: take the row by updating it after all.
                db.Entry(profile).State = EntityState.Detached;
                await db.StaffProfiles.Where(p => p.UserId == engineerId).ExecuteUpdateAsync(s => s.SetProperty(p => p.BookingVersion, p => p.BookingVersion + 1), cancellationToken);
            }
        }
    }

    private async Task<(EngineerSchedule Schedule, IReadOnlyList<BookedCall> Booked)> ScheduleAsync(SupportConsoleDbContext db, string engineerId, long? ignoringCallId, CancellationToken cancellationToken)
    {
        var profile = await db.StaffProfiles.AsNoTracking().Include(p => p.TimeOff).FirstOrDefaultAsync(p => p.UserId == engineerId, cancellationToken);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var booked = await db.Calls.AsNoTracking()
            .Where(c => c.EngineerId == engineerId && c.Status == CallStatus.Booked && c.EndUtc > since && c.Id != ignoringCallId)
            .Select(c => new { c.StartUtc, c.EndUtc }).ToListAsync(cancellationToken);
        return (staff.ScheduleOf(profile), [.. booked.Select(c => new BookedCall(c.StartUtc.AsInstant(), c.EndUtc.AsInstant()))]);
    }

    private List<OutboxMessage> Invitations(Call call, AgentUser engineer, SupportCase? supportCase, CalendarMethod method, DateTimeOffset now, string headline)
    {
        var number = supportCase is null ? null : CaseNumber.Format(supportCase.Number);
        var summary = number is null ? $"Call with {engineer.NameOrEmail} (SupportConsole)" : $"[{number}] Call with {engineer.NameOrEmail}";
        var description = $"{call.Topic}\n\nEngineer: {engineer.NameOrEmail} <{engineer.Email}>\nCustomer: {call.AttendeeName} <{call.AttendeeEmail}>" +
            (number is null ? "" : $"\nCase: {number}");
        var ics = CallInvitation.Build(new CallInvitationRequest(call.Uid, call.Sequence, call.StartUtc.AsInstant(), call.EndUtc.AsInstant(), summary, description,
            outbox.FromAddress, outbox.FromName, [(call.AttendeeEmail, call.AttendeeName), (engineer.Email!, engineer.NameOrEmail)], now), method);
        var subject = method == CalendarMethod.Cancel ? $"Cancelled: {summary}" : summary;
        var body = $"{headline}.\n\n{description}\n\nThe invitation is attached; your calendar app can add it." +
            (number is null ? "" : $"\n\nTo add information, reply to this email and keep {number} in the subject.") + "\n\nSupportConsole Support";
        return
        [
            WithCalendar(outbox.Compose(OutboxKind.CallInvitation, call.AttendeeEmail, subject, body, now, call.CaseId), ics, method),
            WithCalendar(outbox.Compose(OutboxKind.CallInvitation, engineer.Email!, subject, body, now, call.CaseId), ics, method),
        ];
    }

    private static OutboxMessage WithCalendar(OutboxMessage message, string ics, CalendarMethod method)
    {
        message.CalendarContent = ics;
        message.CalendarMethod = CallInvitation.MethodName(method);
        return message;
    }

    private void ScheduleReminders(Call call)
    {
        var start = call.StartUtc.AsInstant();
        var now = clock.GetUtcNow();
        foreach (var (before, when) in new[] { (TimeSpan.FromHours(24), "tomorrow"), (TimeSpan.FromMinutes(15), "in 15 minutes") })
        {
            if (start - before > now)
            {
                var id = call.Id;
                var at = call.StartUtc;
                jobs.Schedule<CallReminderJob>(j => j.RunAsync(id, at, when), start - before);
            }
        }
    }

    private void Publish(SupportCase? supportCase, DateTimeOffset now, string actorName)
    {
        if (supportCase is not null)
        {
            notifier.Publish(new CaseChange(supportCase.Id, supportCase.Number, CaseChangeKind.NoteAdded, supportCase.Queue, now, actorName));
        }
    }

    private async Task<IReadOnlyList<CallView>> ViewsAsync(System.Linq.Expressions.Expression<Func<Call, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from c in db.Calls.AsNoTracking().Where(which)
                          join u in db.Users on c.EngineerId equals u.Id
                          join k in db.Cases on c.CaseId equals k.Id into cases
                          from k in cases.DefaultIfEmpty()
                          orderby c.StartUtc
                          select new { c, u, Number = k == null ? (long?)null : k.Number }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => View(r.c, r.u, r.Number))];
    }

    private static CallView View(Call c, AgentUser engineer, SupportCase? supportCase) => View(c, engineer, supportCase?.Number);

    private static CallView View(Call c, AgentUser engineer, long? number) => new(
        c.Id, c.CaseId, number, c.Uid, c.Sequence, c.StartUtc.AsInstant(), c.EndUtc.AsInstant(), c.EngineerId, engineer.NameOrEmail, engineer.Email ?? "",
        c.AttendeeEmail, c.AttendeeName, c.Topic, c.Status, c.Outcome);

    /// <summary>The link a booking mail carries, absolute (mail clients have no page to resolve a path against).</summary>
    public string BookingUrl(string token) => links.Absolute($"/book/{token}");
}
