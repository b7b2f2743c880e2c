namespace SupportConsole.Data;

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
