using System.Buffers;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>Hands each message to intake; 250 after commit, 552 over the size cap, 451 when something unexpected failed (the sender retries).</summary>
public sealed class IntakeMessageStore(IMailIntake intake, IncomingMailOptions options, ILogger<IntakeMessageStore> logger) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        // Over the limit while streaming in: SmtpGuardStream dropped the rest and only counted it.
        if (context.Properties.TryGetValue(SmtpGuardStream.PropertyKey, out var value) && value is SmtpGuardStream guard && guard.TakeOverflow() is { } streamed)
        {
            logger.LogWarning("SMTP message of {Size} bytes refused while it was received: the limit is {Limit}", streamed, options.MaxMessageBytes);
            return TooLarge(streamed);
        }
        if (buffer.Length > options.MaxMessageBytes)
        {
            return TooLarge(buffer.Length);
        }
        var from = transaction.From is { User.Length: > 0 } f ? $"{f.User}@{f.Host}" : "";
        var to = transaction.To.Select(t => $"{t.User}@{t.Host}").ToList();
        try
        {
            var outcome = await intake.AcceptAsync(buffer.ToArray(), from, to, cancellationToken);
            return outcome.Result switch
            {
                MailIntakeResult.CaseCreated => new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Queued as case {outcome.CaseTag}"),
                MailIntakeResult.Duplicate => new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Already received as case {outcome.CaseTag}"),
                MailIntakeResult.AddedToCase => new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Added to case {outcome.CaseTag}"),
                MailIntakeResult.Quarantined => new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Kept for review (quarantine #{outcome.QuarantineId}): {Short(outcome.Reason)}"),
                MailIntakeResult.TooLarge => TooLarge(buffer.Length),
                _ => new SmtpResponse((SmtpReplyCode)451, "4.3.0 temporary failure, try again"),
            };
        }
        catch (Exception e)
        {
            logger.LogError(e, "SMTP intake failed for a message from <{From}>; answered 451 so the sender retries", from);
            return new SmtpResponse((SmtpReplyCode)451, "4.3.0 temporary failure, try again");
        }
    }

    private SmtpResponse TooLarge(long size) =>
        new((SmtpReplyCode)552, $"5.3.4 message too big: {size} bytes, the limit is {options.MaxMessageBytes}");

    /// <summary>One short line: a reply line must not carry the sender's text at length or any line break.</summary>
    private static string Short(string? text)
    {
        var line = MailText.CleanSubject(text);
        return line.Length <= 120 ? line : line[..117] + "...";
    }
}
