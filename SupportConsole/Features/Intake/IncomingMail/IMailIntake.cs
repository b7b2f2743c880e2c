using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>The one door for mail: the SMTP listener and the IMAP poller both hand raw messages here.</summary>
public interface IMailIntake
{
    Task<MailIntakeOutcome> AcceptAsync(byte[] raw, string? envelopeFrom, IReadOnlyList<string> envelopeTo, CancellationToken cancellationToken);
}
