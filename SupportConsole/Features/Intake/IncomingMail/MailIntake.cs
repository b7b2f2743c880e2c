using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.OutgoingMail;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>
/// Turns one raw message into a case, a reply on a case's thread, or a quarantine row, and returns only after
/// that is committed (so the SMTP 250 or the IMAP "seen" flag never comes before the data is safe). Parsing is
/// MimeKit's; the text stored is plain text (HTML converted, control characters dropped); the arrival instant is
/// this server's clock, never the message's Date header.
/// </summary>
public sealed partial class MailIntake(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    CaseIntake caseIntake,
    Outbox outbox,
    IncomingMailOptions options,
    MailAuthenticationOptions authentication,
    AttachmentStore attachments,
    CaseChangeNotifier notifier,
    NotificationCentre notifications,
    TimeProvider clock,
    ILogger<MailIntake> logger) : IMailIntake
{
    public const string TruncationMark = "…";

    /// <summary>A parsed message whose MIME was not clean: the raw bytes to keep with it and the note saying why.</summary>
    private sealed record DamagedMail(byte[] Raw, string Note);

    /// <summary>
    /// Mail whose MIME was not clean (<see cref="MimeHealth"/>), by its parsed message: every path that stores a
    /// message's attachments (a new case, a reply on a thread, a repeat) then also keeps the raw message and the note.
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<MimeMessage, DamagedMail> damaged = [];

    /// <summary>Whether an address is one the desk sends from or receives at: such mail never opens a case.</summary>
    private bool IsOurOwn(string address, IReadOnlyList<string> envelopeTo) =>
        string.Equals(address, outbox.FromAddress, StringComparison.OrdinalIgnoreCase)
        || envelopeTo.Any(to => string.Equals(to.Trim().Trim('<', '>'), address, StringComparison.OrdinalIgnoreCase));

    public async Task<MailIntakeOutcome> AcceptAsync(byte[] raw, string? envelopeFrom, IReadOnlyList<string> envelopeTo, CancellationToken cancellationToken)
    {
        if (raw.Length > options.MaxMessageBytes)
        {
            return new MailIntakeOutcome(MailIntakeResult.TooLarge, Reason: $"the message is {raw.Length} bytes; the limit is {options.MaxMessageBytes}");
        }
        var envelope = $"MAIL FROM:<{envelopeFrom}> RCPT TO:{string.Join(", ", envelopeTo.Select(t => $"<{t}>"))}";

        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = await MimeMessage.LoadAsync(MimeHealth.ParserOptions(), stream, cancellationToken);
        }
        catch (Exception e) when (e is FormatException or ParseException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return await QuarantineAsync(raw, envelope, $"the message could not be parsed as MIME: {e.Message}", cancellationToken);
        }
        if (MimeHealth.Problem(message, raw) is { } problem)
        {
            damaged.AddOrUpdate(message, new DamagedMail(raw, MimeHealth.Note(problem)));
        }

        var from = Sender(message, envelopeFrom);
        if (from is null)
        {
            return await QuarantineAsync(raw, envelope, "no usable sender: no valid From, Sender or envelope MAIL FROM address", cancellationToken);
        }
        if (IsOurOwn(from.Value.Address.Value, envelopeTo))
        {
            // Our own mail coming back (a forward rule, a bounce loop): kept for a manager, never a case or an acknowledgment.
            return await QuarantineAsync(raw, envelope, $"the mail comes from our own address {from.Value.Address.Value}", cancellationToken);
        }

        try
        {
            var (subject, body) = SubjectAndBody(message);
            var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId.Trim().Trim('<', '>');
            if (messageId is { Length: > 500 })
            {
                messageId = null;
            }
            var verdict = AutomatedMailClassifier.Classify(from.Value.FromHeader, Headers(message), outbox.IsOurs);
            var checks = new SenderChecks(
                SenderAuthenticity.Doubt([.. message.From.Mailboxes.Select(m => m.Address)], message.Sender?.Address, envelopeFrom),
                Authenticate(message, from.Value.Address));
            if (await FindThreadAsync(message, subject, cancellationToken) is { } caseId)
            {
                var (threadCase, role) = await ThreadOfAsync(caseId, from.Value.Address, cancellationToken);
                // A sender whose From cannot be trusted (another envelope domain, a Sender header, several From mailboxes,
                // the From domain's DMARC policy failing) writes as a stranger: a forged participant's address never gets
                // into someone's case.
                var doubtful = checks.HeaderDoubt is not null || checks.Authentication.ExplicitDmarcFail;
                if (!ThreadParticipants.IsParticipant(role) || doubtful)
                {
                    return await OpenLinkedCaseAsync(threadCase, CaseLink.Stranger, message, checks, from.Value, subject, body, messageId, verdict, cancellationToken);
                }
                if (threadCase.Status == CaseStatus.Closed && verdict.ShouldAcknowledge)
                {
                    return await OpenLinkedCaseAsync(threadCase, CaseLink.FollowUp, message, checks, from.Value, subject, body, messageId, verdict, cancellationToken);
                }
                return await AddToThreadAsync(caseId, message, from.Value.Address, body, messageId, verdict, role == ThreadParticipantRole.Agent, cancellationToken);
            }

            var (_, outcome) = await OpenCaseAsync(message, checks, from.Value, subject, body, messageId, verdict, cancellationToken);
            return outcome;
        }
        catch (IntakeValidationException e)
        {
            return await QuarantineAsync(raw, envelope, "the message is not a valid case: " + string.Join(" ", e.Errors.SelectMany(x => x.Value)), cancellationToken);
        }
    }

    /// <summary>What the desk's trusted receiving servers said about the From domain (<see cref="MailAuthentication"/>).</summary>
    private SenderAuthentication Authenticate(MimeMessage message, EmailAddress from) =>
        MailAuthentication.Evaluate(AuthenticationResultsReader.Read(message), authentication.TrustedServIds, from.Domain);

    private readonly record struct SenderInfo(EmailAddress Address, string? Name, string FromHeader);

    /// <summary>What the message itself says against its From (<see cref="SenderAuthenticity"/>), and what our receiving servers said of it.</summary>
    private readonly record struct SenderChecks(string? HeaderDoubt, SenderAuthentication Authentication);

    /// <summary>From, else Sender, else the envelope's MAIL FROM; the first that is a valid address.</summary>
    private static SenderInfo? Sender(MimeMessage message, string? envelopeFrom)
    {
        var candidates = message.From.Mailboxes.Concat(message.Sender is { } sender ? [sender] : []);
        foreach (var mailbox in candidates)
        {
            if (EmailAddress.TryParse(mailbox.Address, out var address, out _))
            {
                return new SenderInfo(address, string.IsNullOrWhiteSpace(mailbox.Name) ? null : MailText.CleanSubject(mailbox.Name), mailbox.ToString());
            }
        }
        if (EmailAddress.TryParse(envelopeFrom, out var envelope, out _))
        {
            return new SenderInfo(envelope, null, envelope.Value);
        }
        return null;
    }

    /// <summary>
    /// The subject (cut to <see cref="CaseIntake.MaxSubjectLength"/> with "…" when longer, the full one then opening
    /// the body) and the plain-text body (text/plain preferred, else the HTML part as text).
    /// </summary>
    internal static (string Subject, string Body) SubjectAndBody(MimeMessage message)
    {
        var body = message.TextBody is { } plain && !string.IsNullOrWhiteSpace(plain)
            ? plain
            : MailText.HtmlToText(message.HtmlBody);
        body = MailText.CleanBody(body).Trim();

        var subject = MailText.CleanSubject(message.Subject);
        if (subject.Length == 0)
        {
            subject = "(no subject)";
        }
        else if (subject.Length > CaseIntake.MaxSubjectLength)
        {
            body = $"Full subject: {subject}\n\n{body}";
            subject = subject[..(CaseIntake.MaxSubjectLength - TruncationMark.Length)].TrimEnd() + TruncationMark;
        }
        if (body.Length == 0)
        {
            body = "(no text)";
        }
        if (body.Length > CaseIntake.MaxBodyLength)
        {
            const string cut = "\n\n[The message was longer; the rest was cut.]";
            body = body[..(CaseIntake.MaxBodyLength - cut.Length)] + cut;
        }
        return (subject, body);
    }

    /// <summary>"[sev1]".."[sev4]" or "Severity: N" in the subject; Normal otherwise.</summary>
    internal static CaseSeverity SeverityOf(string subject)
    {
        var match = SeverityPattern().Match(subject);
        return match.Success && CaseSeverityNames.TryFromNumber(match.Groups["n"].Value[0] - '0', out var severity) ? severity : CaseSeverity.Normal;
    }

    [GeneratedRegex(@"\[\s*sev\s*(?<n>[1-4])\s*\]|severity\s*:\s*(?<n>[1-4])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeverityPattern();

    /// <summary>Header names to their first value, names compared ignoring case.</summary>
    private static Dictionary<string, string> Headers(MimeMessage message)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers)
        {
            headers.TryAdd(header.Field, header.Value ?? "");
        }
        return headers;
    }

    /// <summary>The case this message answers: In-Reply-To/References naming a message we sent or received, else a case tag in the subject.</summary>
    private async Task<long?> FindThreadAsync(MimeMessage message, string subject, CancellationToken cancellationToken)
    {
        var referenced = message.References.Append(message.InReplyTo)
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id!.Trim().Trim('<', '>'))
            .Distinct()
            .Take(50)
            .ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (referenced.Count > 0)
        {
            var fromOutbox = await db.Outbox.AsNoTracking().Where(m => referenced.Contains(m.MessageId) && m.CaseId != null).Select(m => m.CaseId).FirstOrDefaultAsync(cancellationToken);
            if (fromOutbox is { } outboxCase)
            {
                return outboxCase;
            }
            var fromEntries = await db.CaseEntries.AsNoTracking().Where(e => e.MessageId != null && referenced.Contains(e.MessageId)).Select(e => (long?)e.CaseId).FirstOrDefaultAsync(cancellationToken);
            if (fromEntries is { } entryCase)
            {
                return entryCase;
            }
            var fromCases = await db.Cases.AsNoTracking().Where(c => c.MessageId != null && referenced.Contains(c.MessageId)).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (fromCases is { } caseId)
            {
                return caseId;
            }
        }
        if (CaseNumber.TryFindInSubject(subject, out var number))
        {
            return await db.Cases.AsNoTracking().Where(c => c.Number == number).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        }
        return null;
    }

    /// <summary>Why a mail that names an existing case is opened as a case of its own, linked to that one.</summary>
    private enum CaseLink
    {
        /// <summary>The sender is not a participant of the case it quotes.</summary>
        Stranger,

        /// <summary>A participant answered a closed case: the closed history stays as it was.</summary>
        FollowUp,
    }

    /// <summary>
    /// Opens a case through <see cref="CaseIntake"/>. A Message-ID that already opened a case is a repeat only when
    /// the sender and the text match too; otherwise a different mail reuses the ID (a broken or hostile client) and is
    /// kept as its own case under the ID suffixed with a fingerprint of its sender and text: the unique index on the
    /// case's Message-ID keeps holding, and a retry of that second mail finds the same suffixed ID and is a repeat.
    /// </summary>
    private async Task<(IntakeResult Result, MailIntakeOutcome Outcome)> OpenCaseAsync(MimeMessage message, SenderChecks checks, SenderInfo from, string subject, string body, string? messageId, AutomatedMailVerdict verdict, CancellationToken cancellationToken)
    {
        messageId = await UnrepeatedMessageIdAsync(messageId, from.Address, body, cancellationToken);
        var result = await caseIntake.AcceptAsync(new IntakeRequest(
            CaseChannel.Email,
            from.Address.Value,
            from.Name,
            subject,
            body,
            SeverityOf(subject),
            MessageId: messageId,
            AcknowledgmentSuppressedBecause: verdict.ShouldAcknowledge ? null : verdict.Explanation,
            SenderDoubt: checks.HeaderDoubt,
            PriorityDoubt: checks.Authentication.PriorityDoubt(authentication.RequirePass),
            SenderAuthenticated: checks.Authentication.Passed,
            SenderCheck: checks.Authentication.Summary), cancellationToken);

        var entryId = await FirstCustomerEntryAsync(result.Case.Id, cancellationToken);
        // Also on a repeat: a retry after a failure between the case's commit and its attachments completes them.
        await SaveAttachmentsAsync(result.Case.Number, entryId, message, cancellationToken);
        return (result, new MailIntakeOutcome(result.Created ? MailIntakeResult.CaseCreated : MailIntakeResult.Duplicate, result.Case.Number));
    }

    /// <summary>The Message-ID to store for a new case: as received, unless another sender or text already opened a case with it.</summary>
    private async Task<string?> UnrepeatedMessageIdAsync(string? messageId, EmailAddress from, string body, CancellationToken cancellationToken)
    {
        if (messageId is null)
        {
            return null;
        }
        var suffixed = $"{messageId}#{Fingerprint(from, body)}";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Cases.AsNoTracking().Where(c => c.MessageId == messageId).Select(c => new { c.Id, c.FromAddress }).FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            return messageId;
        }
        var firstBody = await db.CaseEntries.AsNoTracking()
            .Where(e => e.CaseId == existing.Id && e.Kind == CaseEntryKind.CustomerMessage)
            .OrderBy(e => e.Id)
            .Select(e => e.Body)
            .FirstOrDefaultAsync(cancellationToken);
        return existing.FromAddress == from.Value && firstBody == body ? messageId : suffixed;
    }

    /// <summary>16 hex digits of SHA-256 over sender and text: enough to tell two mails apart, short enough to read.</summary>
    private static string Fingerprint(EmailAddress from, string body) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(from.Value + "\n" + body)))[..16];

    /// <summary>The case a mail names, and whether its sender may write into it (<see cref="ThreadParticipants"/>).</summary>
    private async Task<(SupportCase Case, ThreadParticipantRole Role)> ThreadOfAsync(long caseId, EmailAddress from, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supportCase = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == caseId, cancellationToken);
        var list = OriginationList.Empty;
        if (supportCase.CustomerId is { } customerId)
        {
            var values = await db.OriginationListEntries.AsNoTracking().Where(e => e.CustomerId == customerId).Select(e => e.Value).ToListAsync(cancellationToken);
            list = OriginationList.Create(values.Select(v => OriginationEntry.TryParse(v, out var entry, out _) ? entry : null).OfType<OriginationEntry>());
        }
        var normalized = from.Value.ToUpperInvariant();
        var agents = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken);
        return (supportCase, ThreadParticipants.Classify(from, supportCase.FromAddress, list, agents));
    }

    /// <summary>
    /// Opens the mail as its own case and, when it is new, writes an internal note on both cases linking them, so the
    /// agent on either sees the other. A repeat of the same mail finds its case again and writes no second pair.
    /// </summary>
    private async Task<MailIntakeOutcome> OpenLinkedCaseAsync(SupportCase original, CaseLink link, MimeMessage message, SenderChecks checks, SenderInfo from, string subject, string body, string? messageId, AutomatedMailVerdict verdict, CancellationToken cancellationToken)
    {
        var (result, outcome) = await OpenCaseAsync(message, checks, from, subject, body, messageId, verdict, cancellationToken);
        if (!result.Created)
        {
            return outcome;
        }
        var originalTag = CaseNumber.Format(original.Number);
        var newTag = CaseNumber.Format(result.Case.Number);
        var sender = from.Address.Value;
        var (onOriginal, onNew) = link switch
        {
            CaseLink.Stranger => (
                $"{newTag} quoted this case's number from {sender}; it was opened as its own case.",
                $"This mail quoted {originalTag}, but {sender} is not a participant of that case (not its requester, not on its customer's origination list, not an agent); it was opened as its own case."),
            _ => (
                $"{sender} replied after this case was closed; the reply was opened as follow-up case {newTag}.",
                $"Follow-up to {originalTag}, which was closed when {sender} replied."),
        };
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.CaseEntries.Add(new CaseEntry { CaseId = original.Id, Kind = CaseEntryKind.InternalNote, AtUtc = now.UtcDateTime, Author = CaseEntry.SystemAuthor, Body = onOriginal });
        db.CaseEntries.Add(new CaseEntry { CaseId = result.Case.Id, Kind = CaseEntryKind.InternalNote, AtUtc = now.UtcDateTime, Author = CaseEntry.SystemAuthor, Body = onNew });
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(new CaseChange(original.Id, original.Number, CaseChangeKind.NoteAdded, original.Queue, now));
        return outcome;
    }

    /// <summary>
    /// Appends a participant's message to the case (once per Message-ID, sender and text). A reply to a case waiting on
    /// the customer or resolved opens it again. Automated mail (out-of-office, bounces, lists) is kept as an internal
    /// note and changes nothing: an auto-reply is not the customer answering, and reopening on it would loop.
    /// No acknowledgment either way.
    /// </summary>
    private async Task<MailIntakeOutcome> AddToThreadAsync(long caseId, MimeMessage message, EmailAddress from, string body, string? messageId, AutomatedMailVerdict verdict, bool fromAgent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        var automated = !verdict.ShouldAcknowledge;
        var stored = automated ? $"Automated mail from {from.Value}, recorded without changing the case ({verdict.Explanation}):\n\n{body}" : body;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var supportCase = await db.Cases.FirstAsync(c => c.Id == caseId, cancellationToken);
        if (messageId is not null)
        {
            var existing = await db.CaseEntries
                .Where(e => e.CaseId == caseId && e.MessageId == messageId && e.Author == from.Value && e.Body == stored)
                .OrderBy(e => e.Id)
                .Select(e => (long?)e.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is { } existingId)
            {
                await transaction.RollbackAsync(cancellationToken);
                await SaveAttachmentsAsync(supportCase.Number, existingId, message, cancellationToken);
                return new MailIntakeOutcome(MailIntakeResult.Duplicate, supportCase.Number);
            }
        }
        var entry = new CaseEntry
        {
            CaseId = caseId,
            Kind = automated ? CaseEntryKind.InternalNote : CaseEntryKind.CustomerMessage,
            AtUtc = now.UtcDateTime,
            Author = from.Value,
            Body = stored,
            MessageId = messageId,
        };
        db.CaseEntries.Add(entry);
        if (!automated && supportCase.Status == CaseStatus.WaitingOnCustomer)
        {
            supportCase.Status = CaseStatus.Open;
            db.CaseEntries.Add(CaseEntry.SystemEvent(caseId, now, "The customer replied: the case is open again."));
        }
        else if (!automated && supportCase.Status == CaseStatus.Resolved)
        {
            supportCase.ChangeStatus(CaseStatus.Open, now);
            db.CaseEntries.Add(CaseEntry.SystemEvent(caseId, now, $"{from.Value} replied to the resolved case: it is open again.", "reopened"));
        }
        // The customer wrote into a case someone holds: its row says so until they answer, and their bell rings.
        var ring = !automated && !fromAgent && supportCase.MarkCustomerReplied(now) ? supportCase.AssigneeId : null;
        if (ring is not null)
        {
            var number = CaseNumber.Format(supportCase.Number);
            NotificationCentre.Add(db, [ring], NotificationCentre.CustomerRepliedKind, $"{number}: {from.Value} replied",
                Preview(body), $"/cases/{number}", caseId, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (ring is not null)
        {
            notifications.Announce([ring]);
        }
        notifier.Publish(new CaseChange(caseId, supportCase.Number, automated ? CaseChangeKind.NoteAdded : CaseChangeKind.CustomerMessage, supportCase.Queue, now));
        await SaveAttachmentsAsync(supportCase.Number, entry.Id, message, cancellationToken);
        return new MailIntakeOutcome(MailIntakeResult.AddedToCase, supportCase.Number);
    }

    /// <summary>The first words of a message, on one line, for a notification.</summary>
    private static string Preview(string body)
    {
        var line = string.Join(' ', body.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 140 ? line : line[..139] + "…";
    }

    private async Task<long> FirstCustomerEntryAsync(long caseId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CaseEntries.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.Kind == CaseEntryKind.CustomerMessage)
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .FirstAsync(cancellationToken);
    }

    /// <summary>
    /// Writes each attachment to attachments/{SC-number}/{guid}-{name} and records it on the entry; for mail whose MIME
    /// was not clean, also the raw message as <see cref="MimeHealth.OriginalFileName"/> and an internal note saying what
    /// happened. Skipped when the entry already has attachments (a repeat of a message whose attachments were stored).
    /// </summary>
    private async Task SaveAttachmentsAsync(long caseNumber, long entryId, MimeMessage message, CancellationToken cancellationToken)
    {
        var parts = message.Attachments.ToList();
        var original = damaged.TryGetValue(message, out var kept) ? kept : null;
        if (parts.Count == 0 && original is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.CaseAttachments.AnyAsync(a => a.CaseEntryId == entryId, cancellationToken))
        {
            return;
        }
        foreach (var part in parts)
        {
            var (name, contentType) = part switch
            {
                MimePart mime => (mime.FileName ?? "attachment", mime.ContentType.MimeType),
                MessagePart => (part.ContentDisposition?.FileName ?? part.ContentType.Name ?? "message.eml", "message/rfc822"),
                _ => (part.ContentType.Name ?? "attachment", part.ContentType.MimeType),
            };
            db.CaseAttachments.Add(await attachments.SaveAsync(caseNumber, entryId, name, contentType, (file, ct) => part switch
            {
                MimePart { Content: { } content } => content.DecodeToAsync(file, ct),
                MessagePart { Message: { } inner } => inner.WriteToAsync(file, ct),
                _ => part.WriteToAsync(file, ct),
            }, cancellationToken));
        }
        if (original is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        db.CaseAttachments.Add(await attachments.SaveAsync(caseNumber, entryId, MimeHealth.OriginalFileName, "message/rfc822",
            (file, ct) => file.WriteAsync(original.Raw, ct).AsTask(), cancellationToken));
        var supportCase = await db.Cases.AsNoTracking().Where(c => c.Number == caseNumber).Select(c => new { c.Id, c.Queue }).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow().ToWholeSecond();
        db.CaseEntries.Add(new CaseEntry { CaseId = supportCase.Id, Kind = CaseEntryKind.InternalNote, AtUtc = now.UtcDateTime, Author = CaseEntry.SystemAuthor, Body = original.Note });
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(new CaseChange(supportCase.Id, caseNumber, CaseChangeKind.NoteAdded, supportCase.Queue, now));
    }

    /// <summary>Keeps the whole message for a manager to look at; it is committed before this returns.</summary>
    private async Task<MailIntakeOutcome> QuarantineAsync(byte[] raw, string envelope, string reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = new QuarantinedMessage
        {
            ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
            Channel = "email",
            Envelope = envelope.Length <= 2000 ? envelope : envelope[..2000],
            Reason = reason.Length <= 2000 ? reason : reason[..2000],
            Raw = raw,
        };
        db.Quarantine.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Mail quarantined as #{Id}: {Reason} ({Envelope})", row.Id, row.Reason, row.Envelope);
        return new MailIntakeOutcome(MailIntakeResult.Quarantined, QuarantineId: row.Id, Reason: reason);
    }
}
