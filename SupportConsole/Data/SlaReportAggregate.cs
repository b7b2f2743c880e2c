namespace SupportConsole.Data;

/// <summary>
/// One group of the SLA report as the database computes it: the raw key (see <see cref="SlaReportQueries"/>), the
/// counts, and the nearest-rank percentiles of the responded cases' Tier 1 business seconds.
/// </summary>
public sealed record SlaReportAggregate(string Key, long Due, long Met, long Missed, long Responded, long? P50Seconds, long? P90Seconds, long? P99Seconds)
{
    public long Pending => Due - Met - Missed;
}
