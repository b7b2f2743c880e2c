namespace SupportConsole.Data;

/// <summary>
/// An email waiting to go out. Written in the same transaction as the change that causes it; a Hangfire job
/// delivers it (SMTP relay or .eml pickup folder) with retries, so nothing is sent for a change that rolled back.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxKind Kind { get; set; }
    public long? CaseId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>Our Message-ID for the mail, so a customer's reply threads back onto its case.</summary>
    public string MessageId { get; set; } = "";
    public string? InReplyTo { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>An iCalendar invitation sent with the mail (text/calendar), and its METHOD (REQUEST or CANCEL).</summary>
    public string? CalendarContent { get; set; }

    public string? CalendarMethod { get; set; }

    /// <summary>While set and ahead, one delivery holds the message: a retry and the sweep never send it twice at once.</summary>
    public DateTime? DeliveryClaimedUntilUtc { get; set; }
}
