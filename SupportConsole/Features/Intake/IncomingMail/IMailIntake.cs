namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>The one door for mail: the SMTP listener and the IMAP poller both hand raw messages here.</summary>
public interface IMailIntake
{
    Task<MailIntakeOutcome> AcceptAsync(byte[] raw, string? envelopeFrom, IReadOnlyList<string> envelopeTo, CancellationToken cancellationToken);
}
