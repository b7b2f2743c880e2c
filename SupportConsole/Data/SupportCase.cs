using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Data;

/// <summary>
/// A support case. Its SLA state is never stored: it is derived from these facts (arrival, deadlines,
/// first response) and an instant. Instants are UTC.
/// </summary>
public sealed class SupportCase
{
    public long Id { get; set; }

    /// <summary>The number customers quote (shown as SC-100042).</summary>
    public long Number { get; set; }

    /// <summary>Strictly increasing in the order this server accepted cases; queues sort by it, so ties never reorder.</summary>
    public long ArrivalSequence { get; set; }

    public string Subject { get; set; } = "";
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "";
    public long? CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public CaseQueue Queue { get; set; }
    public string RoutingReason { get; set; } = "";
    public CaseChannel Channel { get; set; }
    public Severity Severity { get; set; }
    public CaseStatus Status { get; set; }

    /// <summary>When this server accepted the case (or, for an import, the instant the importer gave).</summary>
    public DateTime ReceivedAtUtc { get; set; }

    public bool IsImported { get; set; }
    public string? AssigneeId { get; set; }

    /// <summary>1 while Tier 1 holds it; 2 or 3 once escalated.</summary>
    public int Tier { get; set; } = 1;

    public DateTime ClockStartsAtUtc { get; set; }
    public DateTime? AtRiskAtUtc { get; set; }
    public DateTime? FirstResponseDueAtUtc { get; set; }
    public DateTime? FirstRespondedAtUtc { get; set; }

    /// <summary>The API caller's Idempotency-Key: a retry returns this case instead of a second one.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The Message-ID of the mail that opened the case: a repeat never opens a second case.</summary>
    public string? MessageId { get; set; }

    public List<CaseEntry> Thread { get; set; } = [];

    /// <summary>The stored deadline facts as the domain reads them.</summary>
    public FirstResponseDeadline Deadline() => new(
        new DateTimeOffset(ClockStartsAtUtc),
        AtRiskAtUtc is { } atRisk ? new DateTimeOffset(atRisk) : null,
        FirstResponseDueAtUtc is { } due ? new DateTimeOffset(due) : null);

    public DateTimeOffset? FirstRespondedAt => FirstRespondedAtUtc is { } at ? new DateTimeOffset(at) : null;

    /// <summary>The SLA state at an instant, derived from the facts; never stored.</summary>
    public SlaState SlaStateAt(DateTimeOffset now) => Deadline().StateAt(FirstRespondedAt, now);

    public bool IsOpen => Status is CaseStatus.Open or CaseStatus.WaitingOnCustomer;
}

public enum CaseEntryKind
{
    CustomerMessage = 0,
    Reply = 1,
    InternalNote = 2,
    PhoneCall = 3,
    SystemEvent = 4,
}

/// <summary>One item in a case's thread: a customer's message, a reply, a note, a call or a system event.</summary>
public sealed class CaseEntry
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public CaseEntryKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
    public string Author { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>The Message-ID of the mail this entry came in or went out as, for threading replies.</summary>
    public string? MessageId { get; set; }
}

/// <summary>Named counters advanced inside the writing transaction (SQLite serializes writers).</summary>
public sealed class SequenceCounter
{
    public string Name { get; set; } = "";
    public long Value { get; set; }
}
