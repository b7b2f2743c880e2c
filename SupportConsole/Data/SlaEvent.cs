namespace SupportConsole.Data;

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
