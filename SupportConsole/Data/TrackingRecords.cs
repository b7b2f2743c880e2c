namespace SupportConsole.Data;

public enum SlaEventKind
{
    AtRisk = 0,
    Breached = 1,
}

/// <summary>
/// An SLA threshold a case crossed, recorded once per case, kind and threshold instant (a unique index makes a
/// job that runs twice, or a reconciliation, record nothing new).
/// </summary>
public sealed class SlaEvent
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public SlaEventKind Kind { get; set; }

    /// <summary>The at-risk or due instant that was crossed.</summary>
    public DateTime ThresholdAtUtc { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>An in-app notification for one person; breach notifications to managers are also emailed in a batch.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string RecipientUserId { get; set; } = "";
    public long? CaseId { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }

    /// <summary>Set when the notification is to go out by email (breaches to managers) and cleared into EmailedAtUtc when batched.</summary>
    public bool EmailPending { get; set; }
    public DateTime? EmailedAtUtc { get; set; }
}

public enum PlanTermEventKind
{
    Welcome = 0,
    Reminder30Days = 1,
    Reminder7Days = 2,
    Ended = 3,
    Renewed = 4,
}

/// <summary>A plan-term milestone carried out for a customer, once per term (the term's dates are part of the key).</summary>
public sealed class PlanTermEvent
{
    public long Id { get; set; }
    public long CustomerId { get; set; }
    public PlanTermEventKind Kind { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>The last run of a recurring job, for the jobs overview (last reconciliation, what it repaired).</summary>
public sealed class JobRunRecord
{
    public string Name { get; set; } = "";
    public DateTime? LastStartedAtUtc { get; set; }
    public DateTime? LastFinishedAtUtc { get; set; }
    public string LastResult { get; set; } = "";
}

/// <summary>A desk-wide setting managers change in the app (for example the take-next severity exception), stored as text.</summary>
public sealed class DeskSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
}
