namespace SupportConsole.Features.Sla;

/// <summary>What one pass did, as the jobs overview shows it.</summary>
public sealed record ReconciliationResult(int Cases, int Moved, int Scheduled, int Cancelled, int AtRisk, int Breached, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Cases} open cases checked; {Moved} deadlines moved; {Scheduled} jobs scheduled, {Cancelled} stale cancelled; {AtRisk} at risk and {Breached} breaches recorded; {Elapsed.TotalMilliseconds:0} ms";
}
