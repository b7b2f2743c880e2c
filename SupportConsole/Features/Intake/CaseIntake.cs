using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Customers;
using SupportConsole.Features.OutgoingMail;

namespace SupportConsole.Features.Intake;

/// <summary>
/// Accepts a case from any channel: stamps the arrival (this server's clock, never the sender's date),
/// routes it by the origination lists and plan terms, computes its first-response deadline on the shared
/// calendar, and commits it with its arrival sequence in one transaction.
/// </summary>
public sealed class CaseIntake(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    RoutingDirectoryCache routing,
    BusinessCalendar calendar,
    Outbox outbox,
    OutgoingMailOptions emailOptions,
    CaseChangeNotifier notifier,
    SenderConfirmations confirmations,
    TimeProvider clock)
{
    public const int MaxSubjectLength = 1000;
    public const int MaxBodyLength = 1_000_000;

    /// <summary>Why a case is refused when its first-response clock or deadline would run past the calendar's last day.</summary>
    public const string BeyondCalendar = "The calendar covers 2000-01-01 to 2100-12-31 (Central time); this case's clock start or first-response deadline would fall after it.";

    public async Task<IntakeResult> AcceptAsync(IntakeRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        var (sender, receivedAt) = Validate(request, now);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FindExistingAsync(db, request, cancellationToken) is { } existing)
        {
            return await ReplayAsync(db, existing, request, sender, cancellationToken);
        }

        var directory = await routing.GetAsync(cancellationToken);
        var decision = directory.Route(sender, TierCalendar.LocalDateOf(receivedAt));
        if (request.SenderDoubt is { } doubt)
        {
            decision = SenderAuthenticity.Downgrade(decision, doubt);
        }
        if (request.PriorityDoubt is { } priorityDoubt && decision.Queue == CaseQueue.Priority)
        {
            decision = SenderAuthenticity.Downgrade(decision, priorityDoubt);
        }
        // Anyone can type a listed address into a form: its case waits in standard until the address's owner confirms.
        var awaitsConfirmation = request.Channel == CaseChannel.Web && decision.Queue == CaseQueue.Priority;
        if (awaitsConfirmation)
        {
            decision = decision with
            {
                Queue = CaseQueue.Standard,
                Reason = $"{SenderConfirmations.AwaitingReasonPrefix}: {sender.Value} must follow the link mailed to them (a web form proves no address); then priority, as {decision.Reason}",
            };
        }
        FirstResponseDeadline deadline;
        try
        {
            deadline = FirstResponseDeadline.Compute(calendar.Current, calendar.Policies.For(decision.Queue), receivedAt);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The arrival is inside the calendar but its clock start or deadline is not: refuse, never store a case without one.
            throw new IntakeValidationException(new Dictionary<string, string[]> { ["receivedAt"] = [BeyondCalendar] });
        }

        var supportCase = new SupportCase
        {
            Subject = Clean(request.Subject, MaxSubjectLength),
            FromAddress = sender.Value,
            FromName = Clean(request.FromName ?? "", 200),
            CustomerId = decision.CustomerId,
            Queue = decision.Queue,
            RoutingReason = decision.Reason,
            Channel = request.Channel,
            Severity = request.Severity,
            Status = CaseStatus.Open,
            ReceivedAtUtc = receivedAt.UtcDateTime,
            IsImported = request.ImportedReceivedAt is not null,
            IdempotencyKey = request.IdempotencyKey,
            MessageId = request.MessageId,
            Thread =
            [
                // A channel that brings its own entry (a phone call) is told once, by that entry: never a second copy as a message.
                ..(request.ChannelEntry is null
                    ? [new CaseEntry { Kind = CaseEntryKind.CustomerMessage, AtUtc = receivedAt.UtcDateTime, Author = sender.Value, Body = request.Body, MessageId = request.MessageId }]
                    : Array.Empty<CaseEntry>()),
                new CaseEntry { Kind = CaseEntryKind.SystemEvent, AtUtc = now.UtcDateTime, Author = "SupportConsole", Body = $"Routed to the {decision.Queue.ToString().ToLowerInvariant()} queue: {decision.Reason}." },
            ],
        };
        supportCase.SetDeadline(deadline);
        if (request.AnsweredOnArrival)
        {
            supportCase.RecordResponse(receivedAt, calendar.Current);
        }
        if (request.History is { } history)
        {
            ApplyHistory(supportCase, history, now);
        }
        if (request.ChannelEntry is { } channelEntry)
        {
            supportCase.Thread.Add(channelEntry);
        }
        if (OriginationListChangeRequest.LooksLikeChangeRequest(supportCase.Subject, request.Category))
        {
            supportCase.Thread.Add(new CaseEntry { Kind = CaseEntryKind.SystemEvent, AtUtc = now.UtcDateTime, Author = "SupportConsole", Body = "This case asks to change an origination list: the proposed change waits for an agent's approval." });
        }
        if (request.AnsweredOnArrival)
        {
            supportCase.Thread.Add(new CaseEntry { Kind = CaseEntryKind.SystemEvent, AtUtc = now.UtcDateTime, Author = "SupportConsole", Body = "First response: the customer was answered on the call." });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sequence = await db.NextValueAsync(Sequences.Case, cancellationToken);
        ListChangeRequest? listChange = null;
        if (OriginationListChangeRequest.LooksLikeChangeRequest(supportCase.Subject, request.Category))
        {
            listChange = ListChangeRequests.Propose(supportCase, request.Body, await PrimaryContactCustomerAsync(db, sender, cancellationToken));
            listChange.SenderAuthenticated = request.SenderAuthenticated;
            listChange.SenderCheck = request.SenderCheck ?? (request.Channel == CaseChannel.Web ? "sent through the web form, which proves no address" : "");
            db.ListChangeRequests.Add(listChange);
        }
        supportCase.ArrivalSequence = sequence;
        supportCase.Number = CaseNumber.First + sequence - 1;
        db.Cases.Add(supportCase);
        var outgoing = new List<OutboxMessage>();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await RecordImportedCrossingsAsync(db, request, supportCase, now, cancellationToken);
            if (await MayAcknowledgeAsync(db, request, supportCase, now, cancellationToken))
            {
                // A case waiting for its sender's confirmation is acknowledged by the confirmation request itself.
                outgoing.Add(awaitsConfirmation
                    ? await confirmations.AddAsync(db, SenderConfirmationKind.WebFormCase, supportCase, sender.Value, null, await CustomerNameAsync(db, decision.CustomerId, cancellationToken), now, cancellationToken)
                    : db.Outbox.Add(Acknowledgment(request, supportCase, deadline, now)).Entity);
            }
            if (listChange is { SenderAuthenticated: false, CustomerId: { } changeCustomerId } && await ListChangeConfirmationAsync(db, supportCase, listChange, changeCustomerId, now, cancellationToken) is { } confirmation)
            {
                outgoing.Add(confirmation);
            }
            // Saved either way: without an acknowledgment, the thread entry saying why not is pending.
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent retry with the same Idempotency-Key or Message-ID won the race: return its case.
            await transaction.RollbackAsync(cancellationToken);
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await FindExistingAsync(again, request, cancellationToken) is { } winner)
            {
                return await ReplayAsync(again, winner, request, sender, cancellationToken);
            }
            throw;
        }
        outbox.Dispatch(outgoing);
        notifier.Publish(new CaseChange(supportCase.Id, supportCase.Number, CaseChangeKind.Created, supportCase.Queue, now));
        return new IntakeResult(supportCase, Created: true);
    }

    /// <summary>
    /// An import's past, recorded as it happened: the first response (with its business time on today's calendar) and
    /// the status it ended in. Written as thread events so the case page tells where the facts came from.
    /// </summary>
    private void ApplyHistory(SupportCase supportCase, ImportedHistory history, DateTimeOffset now)
    {
        if (history.FirstRespondedAt is { } responded)
        {
            supportCase.RecordResponse(responded, calendar.Current);
            supportCase.Thread.Add(new CaseEntry { Kind = CaseEntryKind.SystemEvent, AtUtc = now.UtcDateTime, Author = "SupportConsole", Body = $"Imported first response: {TierCalendar.FormatCentral(responded)}." });
        }
        if (history.Status is { } status && status != CaseStatus.Open)
        {
            supportCase.ChangeStatus(status, history.ClosedAt ?? now);
            supportCase.Thread.Add(new CaseEntry { Kind = CaseEntryKind.SystemEvent, AtUtc = now.UtcDateTime, Author = "SupportConsole", Body = $"Imported status: {status.DisplayName()}." });
        }
    }

    /// <summary>
    /// An imported case answered or closed is never tracked: the thresholds its history crossed (at risk, breached,
    /// before the answer or, unanswered, before now) are recorded here, silently, so its timeline tells what happened.
    /// An imported case still open and unanswered is left to the deadline tracker, which records the past silently too.
    /// </summary>
    private static async Task RecordImportedCrossingsAsync(SupportConsoleDbContext db, IntakeRequest request, SupportCase supportCase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.History is null || (supportCase.FirstRespondedAtUtc is null && supportCase.IsOpen))
        {
            return;
        }
        var until = supportCase.FirstRespondedAtUtc ?? now.UtcDateTime;
        var crossed = new List<(long CaseId, SlaEventKind Kind, DateTime ThresholdAtUtc)>();
        if (supportCase.AtRiskAtUtc is { } atRisk && atRisk < until)
        {
            crossed.Add((supportCase.Id, SlaEventKind.AtRisk, atRisk));
        }
        if (supportCase.FirstResponseDueAtUtc is { } due && due < until)
        {
            crossed.Add((supportCase.Id, SlaEventKind.Breached, due));
        }
        await db.RecordSlaEventsOnceAsync(crossed, now, cancellationToken);
    }

    /// <summary>
    /// Whether the sender gets an acknowledgment: not for phone calls and imports, and not (with the reason kept in the
    /// thread) for automated mail and senders who already got the hourly maximum.
    /// </summary>
    private async Task<bool> MayAcknowledgeAsync(SupportConsoleDbContext db, IntakeRequest request, SupportCase supportCase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var skipped = request.AcknowledgmentSuppressedBecause;
        if (request.Channel == CaseChannel.Phone || request.ImportedReceivedAt is not null)
        {
            return false;
        }
        if (skipped is null && !await MayMailAsync(db, supportCase.FromAddress, now, cancellationToken))
        {
            skipped = $"{supportCase.FromAddress} already received the hourly maximum of {emailOptions.MaxAcknowledgmentsPerSenderPerHour} acknowledgments";
        }
        if (skipped is not null)
        {
            db.CaseEntries.Add(new CaseEntry { CaseId = supportCase.Id, Kind = CaseEntryKind.SystemEvent, AtUtc = now.UtcDateTime, Author = "SupportConsole", Body = $"No acknowledgment sent: {skipped}." });
            return false;
        }
        return true;
    }

    /// <summary>The acknowledgment mail: the case number, the response commitment in Central time, and how to add to the case.</summary>
    private OutboxMessage Acknowledgment(IntakeRequest request, SupportCase supportCase, FirstResponseDeadline deadline, DateTimeOffset now)
    {
        var number = CaseNumber.Format(supportCase.Number);
        var body = new System.Text.StringBuilder()
            .AppendLine($"Hello{(string.IsNullOrWhiteSpace(supportCase.FromName) ? "" : " " + supportCase.FromName)},")
            .AppendLine()
            .AppendLine($"We have received your support request and opened case {number}: \"{supportCase.Subject}\".")
            .AppendLine();
        if (deadline.DueAt is { } due)
        {
            body.AppendLine($"Under your Pro Plus plan, a support engineer will respond by {TierCalendar.FormatCentral(due)} (US Central time).")
                .AppendLine($"Our Tier 1 team works {calendar.Tier1HoursForCustomers}.");
        }
        else
        {
            body.AppendLine($"Our team works {calendar.Tier1HoursForCustomers}, and answers cases in the order they arrive.");
        }
        body.AppendLine()
            .AppendLine($"To add information, reply to this email and keep {number} in the subject.")
            .AppendLine()
            .AppendLine("SupportConsole Support");
        return outbox.Compose(OutboxKind.Acknowledgment, supportCase.FromAddress, $"[{number}] {supportCase.Subject}", body.ToString(), now, supportCase.Id, request.MessageId);
    }

    /// <summary>
    /// A list change that no trusted server authenticated, asked by a customer's primary contact: the contact on file is
    /// mailed a link to confirm it (within the same hourly cap as acknowledgments, so nobody can flood their mailbox).
    /// </summary>
    private async Task<OutboxMessage?> ListChangeConfirmationAsync(SupportConsoleDbContext db, SupportCase supportCase, ListChangeRequest listChange, long customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.Name, c.PrimaryContactEmail }).FirstOrDefaultAsync(cancellationToken);
        if (customer is null || !string.Equals(customer.PrimaryContactEmail, listChange.RequesterEmail, StringComparison.OrdinalIgnoreCase))
        {
            return null; // only the primary contact's request can be approved; nobody else is asked to confirm
        }
        if (!await MayMailAsync(db, customer.PrimaryContactEmail, now, cancellationToken))
        {
            db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now, $"No confirmation link mailed: {customer.PrimaryContactEmail} already received the hourly maximum of mail from us. Send one from the request when it is due."));
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        var mail = await confirmations.AddAsync(db, SenderConfirmationKind.ListChange, supportCase, customer.PrimaryContactEmail, listChange, customer.Name, now, cancellationToken);
        db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now, $"The request is not authenticated ({(listChange.SenderCheck.Length > 0 ? listChange.SenderCheck : "no sender check")}): a link to confirm it was mailed to {customer.PrimaryContactEmail}, the primary contact on file."));
        await db.SaveChangesAsync(cancellationToken);
        return mail;
    }

    private static Task<string?> CustomerNameAsync(SupportConsoleDbContext db, long? customerId, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether an address may get one more acknowledgment or confirmation request this hour.</summary>
    private async Task<bool> MayMailAsync(SupportConsoleDbContext db, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hourAgo = now.UtcDateTime.AddHours(-1);
        var recent = await db.Outbox.AsNoTracking()
            .Where(m => m.To == address && (m.Kind == OutboxKind.Acknowledgment || m.Kind == OutboxKind.SenderConfirmation) && m.CreatedAtUtc > hourAgo)
            .Select(m => m.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        return AcknowledgmentThrottle.MayAcknowledge(recent.Select(t => t.AsInstant()).ToList(), now, emailOptions.MaxAcknowledgmentsPerSenderPerHour);
    }

    private static (EmailAddress Sender, DateTimeOffset ReceivedAt) Validate(IntakeRequest request, DateTimeOffset now)
    {
        var errors = Check(request, now, out var sender, out var receivedAt);
        if (errors.Count > 0)
        {
            throw new IntakeValidationException(errors);
        }
        return (sender, receivedAt);
    }

    /// <summary>Every problem with a request at once, keyed by the API's field names, so a caller can fix them in one go.</summary>
    public static Dictionary<string, string[]> Check(IntakeRequest request, DateTimeOffset now, out EmailAddress sender, out DateTimeOffset receivedAt)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EmailAddress.TryParse(request.From, out sender, out var fromError))
        {
            errors["from"] = [fromError ?? "Give the sender's email address."];
        }
        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            errors["subject"] = ["Give the case a subject."];
        }
        else if (request.Subject.Length > MaxSubjectLength)
        {
            errors["subject"] = [$"A subject has at most {MaxSubjectLength} characters; put the details in the body."];
        }
        if (request.Body.Length > MaxBodyLength)
        {
            errors["body"] = [$"The body is over {MaxBodyLength / 1000} KB; attach large logs instead."];
        }
        if (!Enum.IsDefined(request.Severity))
        {
            errors["severity"] = ["Severity is 1 (critical) to 4 (question)."];
        }
        receivedAt = now;
        if (request.ArrivedAt is { } arrived)
        {
            receivedAt = arrived.ToWholeSecond();
            if (receivedAt > now)
            {
                errors["receivedAt"] = ["A call cannot start in the future."];
            }
        }
        if (request.ImportedReceivedAt is { } imported)
        {
            receivedAt = imported.ToWholeSecond();
            if (receivedAt > now)
            {
                errors["receivedAt"] = ["An imported case cannot arrive in the future."];
            }
            else if (!TierCalendar.Covers(receivedAt))
            {
                errors["receivedAt"] = ["The calendar covers 2000-01-01 to 2100-12-31."];
            }
        }
        if (request.History is { } history)
        {
            CheckHistory(history, request.ImportedReceivedAt is null ? null : receivedAt, now, errors);
        }
        if (request.IdempotencyKey is { Length: > 200 })
        {
            errors["idempotencyKey"] = ["An Idempotency-Key has at most 200 characters."];
        }
        return errors;
    }

    private static void CheckHistory(ImportedHistory history, DateTimeOffset? receivedAt, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (receivedAt is not { } received)
        {
            const string onlyImports = "Only an import (a case with receivedAt) brings its history; leave this out or give receivedAt.";
            if (history.FirstRespondedAt is not null)
            {
                errors.TryAdd("firstRespondedAt", [onlyImports]);
            }
            if (history.Status is not null)
            {
                errors.TryAdd("status", [onlyImports]);
            }
            if (history.ClosedAt is not null)
            {
                errors.TryAdd("closedAt", [onlyImports]);
            }
            return;
        }
        if (history.FirstRespondedAt is { } responded)
        {
            if (responded.ToWholeSecond() < received)
            {
                errors.TryAdd("firstRespondedAt", ["The first response cannot come before the case arrived (receivedAt)."]);
            }
            else if (responded.ToWholeSecond() > now)
            {
                errors.TryAdd("firstRespondedAt", ["An imported first response cannot be in the future."]);
            }
        }
        if (history.ClosedAt is { } closed)
        {
            if (history.Status is not (CaseStatus.Resolved or CaseStatus.Closed))
            {
                errors.TryAdd("closedAt", ["closedAt needs status \"resolved\" or \"closed\"."]);
            }
            else if (closed.ToWholeSecond() < received)
            {
                errors.TryAdd("closedAt", ["A case cannot close before it arrived (receivedAt)."]);
            }
            else if (closed.ToWholeSecond() > now)
            {
                errors.TryAdd("closedAt", ["An imported closing cannot be in the future."]);
            }
        }
    }

    /// <summary>
    /// The answer to a repeated Idempotency-Key or Message-ID: the first case. A key is a promise that the request is
    /// the same one retried, so when the stored case differs from this request (sender, name, subject, severity,
    /// imported arrival, first message) the caller is told instead of silently getting a case it did not ask for.
    /// The case's own fields are the fingerprint, so this needs nothing stored beyond the case.
    /// </summary>
    private static async Task<IntakeResult> ReplayAsync(SupportConsoleDbContext db, SupportCase existing, IntakeRequest request, EmailAddress sender, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is null)
        {
            return new IntakeResult(existing, Created: false);
        }
        var imported = request.ImportedReceivedAt?.ToWholeSecond();
        var same = existing.FromAddress == sender.Value
            && existing.FromName == Clean(request.FromName ?? "", 200)
            && existing.Subject == Clean(request.Subject, MaxSubjectLength)
            && existing.Severity == request.Severity
            && existing.IsImported == imported.HasValue
            && (imported is not { } at || existing.ReceivedAtUtc.AsInstant() == at);
        if (same)
        {
            var body = await db.CaseEntries.AsNoTracking()
                .Where(e => e.CaseId == existing.Id && e.Kind == CaseEntryKind.CustomerMessage)
                .OrderBy(e => e.Id)
                .Select(e => e.Body)
                .FirstOrDefaultAsync(cancellationToken);
            same = body == request.Body;
        }
        return new IntakeResult(existing, Created: false, DifferentRequest: !same);
    }

    private static async Task<SupportCase?> FindExistingAsync(SupportConsoleDbContext db, IntakeRequest request, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is { } key)
        {
            return await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.IdempotencyKey == key, cancellationToken);
        }
        if (request.MessageId is { } messageId)
        {
            return await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.MessageId == messageId, cancellationToken);
        }
        return null;
    }

    /// <summary>The customer whose designated primary contact sent this, if any (a request may come before the address is on any list).</summary>
    private static Task<long?> PrimaryContactCustomerAsync(SupportConsoleDbContext db, EmailAddress sender, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.PrimaryContactEmail.ToLower() == sender.Value).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Keeps text as text: control characters (other than line breaks and tabs) are dropped.</summary>
    private static string Clean(string text, int max)
    {
        var cleaned = new string(text.Where(c => !char.IsControl(c) || c is '\t').ToArray()).Trim();
        return cleaned.Length <= max ? cleaned : cleaned[..max];
    }
}
