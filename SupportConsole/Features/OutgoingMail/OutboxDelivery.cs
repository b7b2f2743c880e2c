using Hangfire;
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

    [AutomaticRetry(Attempts = 10)]
    public async Task DeliverAsync(long outboxId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.Outbox.FirstOrDefaultAsync(m => m.Id == outboxId, cancellationToken);
        if (message is null || message.SentAtUtc is not null)
        {
            return;
        }
        message.Attempts++;
        try
        {
            await SendAsync(ToMime(message), message.Id, cancellationToken);
            message.SentAtUtc = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            message.LastError = e.Message;
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

    internal MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = message.MessageId,
            Date = message.CreatedAtUtc.AsInstant(),
            Body = new TextPart("plain") { Text = message.Body },
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
        var temporary = final + ".tmp";
        await mime.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, final, overwrite: true);
    }
}
