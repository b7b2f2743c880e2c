namespace SupportConsole.Features.Reports;

/// <summary>A row of <c>GET /api/reports/sla</c>, as API.md defines it.</summary>
public sealed record SlaReportRowDto(string Key, long Due, long Met, long Missed, long Pending, double? Compliance, long? P50Seconds, long? P90Seconds, long? P99Seconds)
{
    public static SlaReportRowDto From(SlaReportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Key, row.Due, row.Met, row.Missed, row.Pending, row.Compliance, row.P50Seconds, row.P90Seconds, row.P99Seconds);
    }
}
