namespace SupportConsole.Domain.Sla;

/// <summary>Where a case stands against its first-response commitment; derived from instants, never stored.</summary>
public enum SlaState
{
    /// <summary>No commitment (standard queue without a configured target).</summary>
    None = 0,

    /// <summary>Arrived while Tier 1 was closed; the clock has not started.</summary>
    Pending = 1,

    /// <summary>Counting, not yet at risk.</summary>
    Running = 2,

    /// <summary>Within the at-risk lead of due, due itself included.</summary>
    AtRisk = 3,

    /// <summary>Past due without a first response.</summary>
    Breached = 4,

    /// <summary>First response at or before due.</summary>
    Met = 5,

    /// <summary>First response after due.</summary>
    MetLate = 6,
}
