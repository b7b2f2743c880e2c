using SupportConsole.Data;

namespace SupportConsole.Features.OutgoingMail;

/// <summary>Writes outgoing mail into the outbox table; the caller saves it in the same transaction as its cause.</summary>
public sealed class Outbox(OutgoingMailOptions options, OutboxPump pump)
{
    /// <summary>The address our mail comes from (and the organizer of our calendar invitations).</summary>
    public string FromAddress => options.EffectiveFromAddress;

    public string FromName => options.FromName;

    public OutboxMessage Compose(OutboxKind kind, string to, string subject, string body, DateTimeOffset now, long? caseId = null, string? inReplyTo = null) => new()
    {
        Kind = kind,
        CaseId = caseId,
        CreatedAtUtc = now.UtcDateTime,
        To = to,
        Subject = subject,
        Body = body,
        MessageId = $"{Guid.NewGuid():N}@{options.PrimaryDomain}",
        InReplyTo = inReplyTo,
    };

    /// <summary>Hands committed messages to delivery (the recurring sweep catches any whose hand-off was lost).</summary>
    public void Dispatch(IEnumerable<OutboxMessage> committed)
    {
        foreach (var message in committed)
        {
            pump.Add(message.Id);
        }
    }

    /// <summary>True when a Message-ID is one this desk sent: mail quoting it is our own coming back.</summary>
    public bool IsOurs(string messageId) =>
        messageId.Trim('<', '>', ' ').EndsWith("@" + options.PrimaryDomain, StringComparison.OrdinalIgnoreCase);
}
