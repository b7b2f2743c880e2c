namespace SupportConsole.Domain.Reports;

/// <summary>Where a case with a first-response commitment stands in the SLA report at an instant.</summary>
public enum SlaOutcome
{
    /// <summary>Responded at or before due.</summary>
    Met = 0,

    /// <summary>Responded after due, or not responded and due has passed, whatever the status.</summary>
    Missed = 1,

    /// <summary>Not responded and due still ahead (due itself included).</summary>
    Pending = 2,
}
