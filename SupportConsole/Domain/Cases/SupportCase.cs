using System.Linq.Expressions;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Reports;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Domain.Cases;

/// <summary>
/// A support case and the rules of what may happen to it: claim, release, reassign, escalate, change status or
/// severity, record the first response. Each rule changes the case in memory and says what happened; the caller
/// saves. Its SLA state is never stored: it is derived from the facts (arrival, deadlines, first response) and an
/// instant. Instants are stored as UTC <see cref="DateTime"/>s and read as <see cref="DateTimeOffset"/>s.
/// </summary>
public sealed class SupportCase
{
    /// <summary>The one definition of an open case, for queries: open or waiting on the customer.</summary>
    public static readonly Expression<Func<SupportCase, bool>> IsOpenCase =
        c => c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer;

    /// <summary>The one definition of Tier 1's queues, for queries: open cases Tier 1 still holds.</summary>
    public static readonly Expression<Func<SupportCase, bool>> IsInTier1Queue =
        c => c.Tier == SupportTier.Tier1 && (c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer);

    /// <summary>The one definition of the escalated work, for queries: open cases with Tier 2 or 3.</summary>
    public static readonly Expression<Func<SupportCase, bool>> IsOpenEscalation =
        c => c.Tier != SupportTier.Tier1 && (c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer);

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
    public CaseSeverity Severity { get; set; }
    public CaseStatus Status { get; set; }

    /// <summary>When this server accepted the case (or, for an import, the instant the importer gave).</summary>
    public DateTime ReceivedAtUtc { get; set; }

    public bool IsImported { get; set; }
    public string? AssigneeId { get; set; }

    /// <summary>Tier 1 until escalated to Tier 2 or 3.</summary>
    public SupportTier Tier { get; set; } = SupportTier.Tier1;

    public DateTime ClockStartsAtUtc { get; set; }
    public DateTime? AtRiskAtUtc { get; set; }
    public DateTime? FirstResponseDueAtUtc { get; set; }
    public DateTime? FirstRespondedAtUtc { get; set; }

    /// <summary>
    /// Tier 1 business seconds from clock start to the first response, stored when the response is recorded so the
    /// SLA report's percentiles are computed by the database (see <see cref="SlaReportRules.ResponseBusinessSeconds"/>).
    /// </summary>
    public long? FirstResponseBusinessSeconds { get; set; }

    /// <summary>The US/Central date of <see cref="FirstResponseDueAtUtc"/>: the report's range and week key, indexed.</summary>
    public DateOnly? FirstResponseDueLocalDate { get; set; }

    /// <summary>When the case was last resolved or closed (an import gives its own); null while open.</summary>
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>
    /// When the customer last wrote into the case while an agent held it and nobody had answered since: the queue row and
    /// the views say "Customer replied" until an agent replies or the assignee opens the case.
    /// </summary>
    public DateTime? CustomerRepliedAtUtc { get; set; }

    /// <summary>The API caller's Idempotency-Key: a retry returns this case instead of a second one.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// The Message-ID of the mail that opened the case: a repeat never opens a second case. When a different mail
    /// (another sender or text) reused an ID already stored, it is stored as "id#fingerprint" so both cases are kept.
    /// </summary>
    public string? MessageId { get; set; }

    /// <summary>
    /// Raised by every change the desk saves: two agents who loaded the same version cannot both save, so a claim,
    /// a first response or an escalation has exactly one winner, whichever instance or database settles it.
    /// </summary>
    public int Version { get; set; }

    public List<CaseEntry> Thread { get; set; } = [];

    public DateTimeOffset ReceivedAt => ReceivedAtUtc.AsInstant();

    public DateTimeOffset? FirstRespondedAt => FirstRespondedAtUtc.AsInstant();

    /// <summary>The stored deadline facts as the domain reads them.</summary>
    public FirstResponseDeadline Deadline() => new(ClockStartsAtUtc.AsInstant(), AtRiskAtUtc.AsInstant(), FirstResponseDueAtUtc.AsInstant());

    /// <summary>The SLA state at an instant, derived from the facts; never stored.</summary>
    public SlaState SlaStateAt(DateTimeOffset now) => Deadline().StateAt(FirstRespondedAt, now);

    public bool IsOpen => Status is CaseStatus.Open or CaseStatus.WaitingOnCustomer;

    /// <summary>Takes the case for an agent: only an open case nobody holds.</summary>
    public ClaimOutcome Claim(string userId)
    {
        if (AssigneeId == userId)
        {
            return ClaimOutcome.AlreadyYours;
        }
        if (!IsOpen)
        {
            return ClaimOutcome.NotOpen;
        }
        if (AssigneeId is not null)
        {
            return ClaimOutcome.HeldByAnother;
        }
        AssigneeId = userId;
        return ClaimOutcome.Claimed;
    }

    /// <summary>Gives the case back to its queue: its holder may, and so may a manager.</summary>
    public ReleaseOutcome Release(string userId, bool isManager)
    {
        if (AssigneeId is null)
        {
            return ReleaseOutcome.NobodyHolds;
        }
        if (AssigneeId != userId && !isManager)
        {
            return ReleaseOutcome.NotYours;
        }
        AssigneeId = null;
        return ReleaseOutcome.Released;
    }

    /// <summary>Hands the case to someone; false when they already hold it.</summary>
    public bool AssignTo(string userId)
    {
        if (AssigneeId == userId)
        {
            return false;
        }
        AssigneeId = userId;
        return true;
    }

    /// <summary>Hands an open case up to Tier 2 or 3: it leaves its assignee and waits for an engineer.</summary>
    public EscalationOutcome Escalate(SupportTier tier)
    {
        if (!tier.IsEngineering())
        {
            return EscalationOutcome.NotAnEscalationTier;
        }
        if (!IsOpen)
        {
            return EscalationOutcome.NotOpen;
        }
        if (Tier >= tier)
        {
            return EscalationOutcome.AlreadyThere;
        }
        Tier = tier;
        AssigneeId = null;
        return EscalationOutcome.Escalated;
    }

    /// <summary>Tier 2-3 hands the case back: Tier 1's queue has it again, unassigned.</summary>
    public void ReturnToTier1()
    {
        Tier = SupportTier.Tier1;
        AssigneeId = null;
    }

    /// <summary>Sets the status; false when it already is. Resolving or closing stamps <see cref="ClosedAtUtc"/>, reopening clears it.</summary>
    public bool ChangeStatus(CaseStatus status, DateTimeOffset at)
    {
        if (Status == status)
        {
            return false;
        }
        Status = status;
        ClosedAtUtc = status is CaseStatus.Resolved or CaseStatus.Closed ? at.ToWholeSecond().UtcDateTime : null;
        return true;
    }

    /// <summary>
    /// Marks a customer's message on a held, open case as waiting for its assignee; false (nothing marked) when nobody
    /// holds the case or it is not open.
    /// </summary>
    public bool MarkCustomerReplied(DateTimeOffset at)
    {
        if (AssigneeId is null || !IsOpen)
        {
            return false;
        }
        CustomerRepliedAtUtc = at.ToWholeSecond().UtcDateTime;
        return true;
    }

    /// <summary>Clears the "customer replied" mark; false when there was none.</summary>
    public bool ClearCustomerReplied()
    {
        if (CustomerRepliedAtUtc is null)
        {
            return false;
        }
        CustomerRepliedAtUtc = null;
        return true;
    }

    /// <summary>Stores a (re-)derived first-response deadline with the Central date the report files it under.</summary>
    public void SetDeadline(FirstResponseDeadline deadline)
    {
        ClockStartsAtUtc = deadline.ClockStartsAt.UtcDateTime;
        AtRiskAtUtc = deadline.AtRiskAt?.UtcDateTime;
        FirstResponseDueAtUtc = deadline.DueAt?.UtcDateTime;
        FirstResponseDueLocalDate = deadline.DueAt is { } due ? SlaReportRules.ReportDateOf(due) : null;
    }

    /// <summary>Sets the severity; false when it already is.</summary>
    public bool ChangeSeverity(CaseSeverity severity)
    {
        if (Severity == severity)
        {
            return false;
        }
        Severity = severity;
        return true;
    }

    /// <summary>
    /// Records an answer to the customer at an instant. The first one recorded is the first response and stops the
    /// SLA clock; later ones change nothing. An answer is never recorded before the case arrived. Its Tier 1 business
    /// time since clock start is stored with it, on <paramref name="calendar"/>.
    /// </summary>
    public FirstResponseOutcome RecordResponse(DateTimeOffset at, TierCalendar calendar)
    {
        if (FirstRespondedAtUtc is not null)
        {
            return FirstResponseOutcome.NotFirst;
        }
        var when = (at < ReceivedAt ? ReceivedAt : at).ToWholeSecond();
        FirstRespondedAtUtc = when.UtcDateTime;
        FirstResponseBusinessSeconds = SlaReportRules.ResponseBusinessSeconds(calendar, ClockStartsAtUtc.AsInstant(), when);
        return FirstResponseDueAtUtc is not { } due ? FirstResponseOutcome.FirstWithoutCommitment
            : when.UtcDateTime <= due ? FirstResponseOutcome.FirstMet
            : FirstResponseOutcome.FirstLate;
    }
}
