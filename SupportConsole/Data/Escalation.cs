using SupportConsole.Domain.Calendar;

namespace SupportConsole.Data;

/// <summary>
/// A case handed to Tier 2 or 3: who escalated it, when and why, which engineer it went to and why them, and its own
/// pickup clock in Tier 2-3 business hours. It ends when the engineer hands the case back or the case is resolved.
/// </summary>
public sealed class Escalation
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public SupportTier Tier { get; set; }
    public string Reason { get; set; } = "";
    public DateTime EscalatedAtUtc { get; set; }
    public string EscalatedById { get; set; } = "";
    public string EscalatedByName { get; set; } = "";
    public string? AssigneeId { get; set; }

    /// <summary>Why this engineer, or why nobody yet, in words (shown on the case).</summary>
    public string AssignedBecause { get; set; } = "";

    public DateTime? AssignedAtUtc { get; set; }

    /// <summary>The escalation must be picked up by then (<c>Sla:EscalationPickupHours</c> of Tier 2-3 time after escalating).</summary>
    public DateTime PickupDueAtUtc { get; set; }

    public DateTime? PickupAtRiskAtUtc { get; set; }
    public DateTime? PickedUpAtUtc { get; set; }

    /// <summary>When the at-risk and breach of the pickup clock were recorded (each once, whichever job or instance gets there first).</summary>
    public DateTime? PickupAtRiskRecordedAtUtc { get; set; }

    public DateTime? PickupBreachRecordedAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }

    /// <summary>Raised by every change, so two engineers picking it up at once cannot both win.</summary>
    public int Version { get; set; }

    public bool IsOpen => EndedAtUtc is null;

    /// <summary>Records the rule's choice (or that nobody could take it yet) and why.</summary>
    public Escalation AssignedTo(Domain.Staffing.AssignmentDecision decision, DateTimeOffset now)
    {
        AssigneeId = decision.Engineer?.Id;
        AssignedBecause = decision.Explanation.Length <= 500 ? decision.Explanation : decision.Explanation[..500];
        AssignedAtUtc = decision.Engineer is null ? null : now.UtcDateTime;
        return this;
    }
}
