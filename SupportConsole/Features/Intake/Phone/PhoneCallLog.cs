using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Intake.Phone;

/// <summary>
/// Tier 1's record of phone calls: a call opens a case (channel phone, arrival = the call's start) or is added to an
/// existing one; either way the thread gets one <see cref="CaseEntryKind.PhoneCall"/> entry with the summary, the agent
/// and the outcome (a new case gets no second copy of the summary as a customer message).
/// A call is taken on the Tier 1 line, so the line must have been open when the call started; it is written up
/// afterwards (within <see cref="MaxCallAge"/>), which may be after the line closed, so the window is checked at the
/// call's start, never at the instant it is logged. An answer on the call is recorded through
/// <see cref="SupportCase.RecordResponse"/>, which never puts a first response before the case arrived.
/// </summary>
public sealed class PhoneCallLog(
    CaseIntake intake,
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    BusinessCalendar calendar,
    CaseChangeNotifier notifier,
    ActingUser actingUser,
    TimeProvider clock,
    ILogger<PhoneCallLog> logger)
{
    /// <summary>Who takes calls: Tier 1 agents and their managers, checked in the database when the call is logged.</summary>
    private static readonly string[] CallTakers = [Roles.Tier1, Roles.Manager];

    /// <summary>How far back a call's start may be set: enough to finish the call and write it up.</summary>
    public static readonly TimeSpan MaxCallAge = TimeSpan.FromHours(2);

    public const int MaxSummaryLength = 20_000;

    /// <summary>
    /// Whether calls can be logged now: while the line is open, and for <see cref="MaxCallAge"/> after it closed, so the
    /// last calls of the day can still be written up.
    /// </summary>
    public PhoneLineStatus LineStatus()
    {
        var now = clock.GetUtcNow();
        var current = calendar.Current;
        var windowStart = now - MaxCallAge;
        var openedWithin = current.IsOpen(SupportTier.Tier1, windowStart) || current.NextOpening(SupportTier.Tier1, windowStart) <= now;
        return openedWithin
            ? new PhoneLineStatus(true, null)
            : new PhoneLineStatus(false, $"The Tier 1 phone line is closed; it opens {TierCalendar.FormatCentral(current.NextOpening(SupportTier.Tier1, now))}.");
    }

    /// <summary>
    /// Opens a case for a call: the call's start is its arrival, the call is in the thread from the first commit,
    /// and a call that answered the customer is the case's first response.
    /// </summary>
    public async Task<SupportCase> LogNewCaseAsync(
        string callerName, string callerEmail, long? customerId, string summary, CaseSeverity severity,
        DateTimeOffset callStartedAt, string agentUserId, bool answered = true, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        EnsureOpenAt(callStartedAt, now);
        await EnsureCallTakerAsync(agentUserId, cancellationToken);
        var request = new IntakeRequest(CaseChannel.Phone, callerEmail?.Trim() ?? "", callerName?.Trim(), SubjectOf(summary), summary ?? "", severity,
            ArrivedAt: callStartedAt, AnsweredOnArrival: answered);
        var errors = CheckCall(summary, callStartedAt, now);
        foreach (var (field, messages) in CaseIntake.Check(request, now, out _, out _))
        {
            var mapped = field switch { "from" => "callerEmail", "subject" or "body" => "summary", _ => field };
            errors.TryAdd(mapped, messages);
        }
        if (string.IsNullOrWhiteSpace(callerName))
        {
            errors["callerName"] = ["Give the caller's name."];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Customer? named = null;
        if (customerId is { } id && (named = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)) is null)
        {
            errors["customerId"] = ["That customer no longer exists; pick another or leave it empty."];
        }
        ThrowIfAny(errors);

        var (agent, agentName) = await AgentAsync(db, agentUserId, cancellationToken);
        var call = CallEntry(0, callStartedAt, agent, agentName, $"Call from {callerName!.Trim()} <{callerEmail!.Trim().ToLowerInvariant()}>{(named is null ? "" : $" of {named.Name}")}", summary!, answered);
        var result = await intake.AcceptAsync(request with { ChannelEntry = call }, cancellationToken);
        var supportCase = await db.Cases.FirstAsync(c => c.Id == result.Case.Id, cancellationToken);
        if (named is not null && supportCase.CustomerId != named.Id)
        {
            db.CaseEntries.Add(new CaseEntry
            {
                CaseId = supportCase.Id, Kind = CaseEntryKind.SystemEvent, AtUtc = now.UtcDateTime, Author = "SupportConsole",
                Body = $"The caller said they are with {named.Name}, but {supportCase.FromAddress} is not on its origination list, so the case was routed by the address: {supportCase.RoutingReason}",
            });
        }
        // The agent who answered the caller has the case: it was theirs from the first word.
        var assigned = answered && supportCase.AssigneeId is null && supportCase.AssignTo(agentUserId);
        if (assigned)
        {
            db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now.ToWholeSecond(), $"{agentName} answered the call and has the case.", "assigned"));
        }
        await db.SaveChangesAsync(cancellationToken);
        if (assigned)
        {
            notifier.Publish(new CaseChange(supportCase.Id, supportCase.Number, CaseChangeKind.Claimed, supportCase.Queue, now.ToWholeSecond(), agentName));
        }
        logger.LogInformation("{Agent} logged a phone call as new case {Case}", agent, CaseNumber.Format(supportCase.Number));
        return supportCase;
    }

    /// <summary>Adds a call to an existing case's thread; a call that answered the customer is the first response if none was recorded.</summary>
    public async Task<SupportCase> LogOnExistingCaseAsync(
        long caseNumber, string summary, string agentUserId, DateTimeOffset callStartedAt, bool answered = true, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        EnsureOpenAt(callStartedAt, now);
        await EnsureCallTakerAsync(agentUserId, cancellationToken);
        var errors = CheckCall(summary, callStartedAt, now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supportCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == caseNumber, cancellationToken);
        if (supportCase is null)
        {
            errors["caseNumber"] = [CaseNumber.IsValid(caseNumber) ? $"There is no case {CaseNumber.Format(caseNumber)}." : "Give a case number like SC-100042."];
        }
        ThrowIfAny(errors);

        var (agent, agentName) = await AgentAsync(db, agentUserId, cancellationToken);
        var caseId = supportCase!.Id;
        for (var attempt = 1; ; attempt++)
        {
            await using var write = await dbFactory.CreateDbContextAsync(cancellationToken);
            var tracked = await write.Cases.FirstAsync(c => c.Id == caseId, cancellationToken);
            write.CaseEntries.Add(CallEntry(tracked.Id, callStartedAt, agent, agentName, $"Call with {tracked.FromAddress}", summary, answered));
            // The domain rule, not a raw write: a call that started before the case arrived answers it at its arrival.
            if (answered && tracked.RecordResponse(callStartedAt, calendar.Current) is var outcome && outcome != FirstResponseOutcome.NotFirst)
            {
                var verdict = outcome switch
                {
                    FirstResponseOutcome.FirstMet => " SLA met.",
                    FirstResponseOutcome.FirstLate => " SLA met late.",
                    _ => "",
                };
                write.CaseEntries.Add(new CaseEntry { CaseId = tracked.Id, Kind = CaseEntryKind.SystemEvent, AtUtc = now.UtcDateTime, Author = "SupportConsole", Body = $"First response: {agentName} answered the customer on the call.{verdict}" });
            }
            tracked.Version++;
            try
            {
                await write.SaveChangesAsync(cancellationToken);
                supportCase = tracked;
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Another change to the case won the race: record the call again on the fresh case.
            }
        }
        notifier.Publish(new CaseChange(supportCase.Id, supportCase.Number, CaseChangeKind.CustomerMessage, supportCase.Queue, now, agentName));
        logger.LogInformation("{Agent} logged a phone call on {Case}", agent, CaseNumber.Format(supportCase.Number));
        return supportCase;
    }

    /// <summary>A short subject for the case: the summary's first line.</summary>
    public static string SubjectOf(string? summary)
    {
        var firstLine = (summary ?? "").Trim().Split('\n', 2)[0].Trim();
        if (firstLine.Length == 0)
        {
            return "";
        }
        return "Phone call: " + (firstLine.Length <= 100 ? firstLine : firstLine[..99] + "…");
    }

    /// <summary>
    /// Refuses a call that started while the line was closed. A start outside the loggable range (in the future, or
    /// over <see cref="MaxCallAge"/> ago) is left to the field check, which says what is wrong with it.
    /// </summary>
    private void EnsureOpenAt(DateTimeOffset callStartedAt, DateTimeOffset now)
    {
        var current = calendar.Current;
        if (callStartedAt > now || callStartedAt < now - MaxCallAge || !TierCalendar.Covers(callStartedAt) || current.IsOpen(SupportTier.Tier1, callStartedAt))
        {
            return;
        }
        if (LineStatus() is { IsOpen: false, ClosedMessage: { } closed })
        {
            throw new PhoneLineClosedException(closed);
        }
        throw new PhoneLineClosedException(
            $"The Tier 1 phone line was closed when this call started ({TierCalendar.FormatCentral(callStartedAt)}); only calls taken while it was open are logged. It opens {TierCalendar.FormatCentral(current.NextOpening(SupportTier.Tier1, callStartedAt))}.");
    }

    /// <summary>Refuses (as an "agent" error) an account that is gone, disabled or no longer Tier 1 or Manager.</summary>
    private async Task EnsureCallTakerAsync(string agentUserId, CancellationToken cancellationToken)
    {
        if (await actingUser.RefusalAsync(agentUserId, CallTakers, cancellationToken) is { } refusal)
        {
            throw new IntakeValidationException(new Dictionary<string, string[]> { ["agent"] = [refusal] });
        }
    }

    private static Dictionary<string, string[]> CheckCall(string? summary, DateTimeOffset callStartedAt, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(summary))
        {
            errors["summary"] = ["Summarize the call: what the caller needs and what you told them."];
        }
        else if (summary.Length > MaxSummaryLength)
        {
            errors["summary"] = [$"A call summary has at most {MaxSummaryLength} characters."];
        }
        if (callStartedAt > now)
        {
            errors["callStartedAt"] = ["A call cannot start in the future."];
        }
        else if (callStartedAt < now - MaxCallAge)
        {
            errors["callStartedAt"] = ["A call is logged within 2 hours of its start; for an older call, add a note to the case."];
        }
        return errors;
    }

    private static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new IntakeValidationException(errors);
        }
    }

    /// <summary>
    /// The call as the thread shows it, once: who called, when it started, who took it and how it ended, then the
    /// summary. Its author is the agent who took the call (shown by their display name).
    /// </summary>
    public static CaseEntry CallEntry(long caseId, DateTimeOffset callStartedAt, string agentEmail, string agentName, string heading, string summary, bool answered) => new()
    {
        CaseId = caseId,
        Kind = CaseEntryKind.PhoneCall,
        AtUtc = callStartedAt.ToWholeSecond().UtcDateTime,
        Author = agentEmail,
        Body = $"{heading} · started {TierCalendar.FormatCentral(callStartedAt)} · taken by {agentName} · "
            + $"{(answered ? "answered on the call" : "not answered on the call (follow-up needed)")}\n{summary.Trim()}",
    };

    /// <summary>The agent's email (the entry's author) and the name the thread shows.</summary>
    private static async Task<(string Email, string Name)> AgentAsync(SupportConsoleDbContext db, string agentUserId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == agentUserId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        var email = user?.Email ?? agentUserId;
        return (email, string.IsNullOrWhiteSpace(user?.DisplayName) ? email : user.DisplayName);
    }
}
