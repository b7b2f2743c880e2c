using SupportConsole.Domain.Cases;
namespace SupportConsole.Data;

/// <summary>A file that came with a case message, stored on disk under db/attachments.</summary>
public sealed class CaseAttachment
{
    public long Id { get; set; }
    public long CaseEntryId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long Size { get; set; }

    /// <summary>Path relative to the attachments folder.</summary>
    public string StoragePath { get; set; } = "";
}

/// <summary>
/// Something that reached the desk but could not become a case (unparseable MIME, no usable sender...). It is
/// kept whole for a manager to look at, never dropped silently.
/// </summary>
public sealed class QuarantinedMessage
{
    public long Id { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public string Channel { get; set; } = "email";
    public string Envelope { get; set; } = "";
    public string Reason { get; set; } = "";
    public byte[] Raw { get; set; } = [];
    public bool Reviewed { get; set; }
}

public enum OutboxKind
{
    Acknowledgment = 0,
    Reply = 1,
    ListChangeConfirmation = 2,
    Notification = 3,
    Welcome = 4,
    Reminder = 5,
}

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
}

/// <summary>Who changed what on a customer (plan, term, origination list), with the before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string Actor { get; set; } = "";
    public string Subject { get; set; } = "";
    public long? CustomerId { get; set; }
    public string Action { get; set; } = "";
    public string Before { get; set; } = "";
    public string After { get; set; } = "";
}

public enum ListChangeStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>A primary contact's request, opened as a support case, to change their origination list.</summary>
public sealed class ListChangeRequest
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public SupportCase? Case { get; set; }
    public long? CustomerId { get; set; }
    public string RequesterEmail { get; set; } = "";

    /// <summary>Normalized entries, one per line.</summary>
    public string Additions { get; set; } = "";
    public string Removals { get; set; } = "";
    public string Unrecognized { get; set; } = "";
    public ListChangeStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionNote { get; set; }
}
