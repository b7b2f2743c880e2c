using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Hosting;

namespace SupportConsole.Features.OutgoingMail;

/// <summary>
/// Delivers one outbox message by SMTP relay or as an .eml file in the pickup folder. Safe to run twice: a sent
/// message is skipped, and the .eml name is the message's id. A failure throws, so Hangfire retries it.
/// </summary>
public sealed class OutboxDelivery(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    OutgoingMailOptions options,
    DataFolders folders,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    /// <summary>Delivers a batch; if any message failed it throws after trying them all, and Hangfire's retry skips the sent ones.</summary>
    public async Task DeliverBatchAsync(long[] outboxIds, CancellationToken cancellationToken)
    {
        var failed = new List<long>();
        foreach (var id in outboxIds)
        {
            try
            {
                await DeliverAsync(id, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add(id);
            }
        }
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"{failed.Count} of {outboxIds.Length} outbox messages failed ({string.Join(", ", failed)}); Hangfire will retry them.");
        }
    }

    /// <summary>How long one delivery holds a message before another may try it again (a crashed delivery's claim runs out).</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public async Task DeliverAsync(long outboxId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // Claim it in the database first: of two deliveries of one message (a retry and the sweep, on any instance), one sends.
        var claimed = await db.Outbox
            .Where(m => m.Id == outboxId && m.SentAtUtc == null && (m.DeliveryClaimedUntilUtc == null || m.DeliveryClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveryClaimedUntilUtc, now + ClaimFor).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return;
        }
        var message = await db.Outbox.FirstAsync(m => m.Id == outboxId, cancellationToken);
        try
        {
            await SendAsync(ToMime(message), message.Id, cancellationToken);
            message.SentAtUtc = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            message.DeliveryClaimedUntilUtc = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            message.LastError = e.Message;
            message.DeliveryClaimedUntilUtc = null;
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(e, "Outbox message {Id} to {To} failed (attempt {Attempt})", message.Id, message.To, message.Attempts);
            throw;
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Recurring: hands unsent messages older than a minute back to delivery, in case their enqueue was lost.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        var stale = await db.Outbox.Where(m => m.SentAtUtc == null && m.CreatedAtUtc < cutoff && m.Attempts < 10).Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var id in stale)
        {
            try
            {
                await DeliverAsync(id, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Recorded on the message; the next sweep tries again.
            }
        }
    }

    /// <summary>
    /// Plain text, or with a calendar invitation a multipart/mixed of the text and a text/calendar part (with its
    /// METHOD, inline, as Outlook, Google Calendar and Apple Calendar expect) and the same invitation as invite.ics.
    /// </summary>
    private static MimeEntity BodyOf(OutboxMessage message)
    {
        var text = new TextPart("plain") { Text = message.Body };
        if (message.CalendarContent is not { } ics)
        {
            return text;
        }
        var method = message.CalendarMethod ?? "REQUEST";
        var calendar = new TextPart("calendar") { Text = ics };
        calendar.ContentType.Parameters.Add("method", method);
        calendar.ContentType.Charset = "utf-8";
        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = method == "CANCEL" ? "cancel.ics" : "invite.ics",
        };
        return new Multipart("mixed") { new MultipartAlternative { text, calendar }, attachment };
    }

    internal MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = message.MessageId,
            Date = message.CreatedAtUtc.AsInstant(),
            Body = BodyOf(message),
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.EffectiveFromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.InReplyTo is { } inReplyTo)
        {
            mime.InReplyTo = inReplyTo;
            mime.References.Add(inReplyTo);
        }
        // Our automatic mail says so, so well-behaved auto-responders do not answer it.
        if (message.Kind is OutboxKind.Acknowledgment or OutboxKind.Notification or OutboxKind.Reminder or OutboxKind.Welcome)
        {
            mime.Headers.Add("Auto-Submitted", "auto-replied");
            mime.Headers.Add("X-Auto-Response-Suppress", "All");
        }
        return mime;
    }

    private async Task SendAsync(MimeMessage mime, long id, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.RelayHost))
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(options.RelayHost, options.RelayPort, options.RelayUseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(options.RelayUser))
            {
                await client.AuthenticateAsync(options.RelayUser, options.RelayPassword ?? "", cancellationToken);
            }
            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return;
        }
        Directory.CreateDirectory(folders.Pickup);
        var final = Path.Combine(folders.Pickup, $"{id:D8}.eml");
        var temporary = $"{final}.{Guid.NewGuid():N}.tmp";
        await mime.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, final, overwrite: true);
    }
}
