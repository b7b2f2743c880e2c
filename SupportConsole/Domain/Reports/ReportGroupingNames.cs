namespace SupportConsole.Domain.Reports;

public static class ReportGroupingNames
{
    /// <summary>The API's <c>groupBy</c> values: <c>queue</c>, <c>severity</c>, <c>customer</c>, <c>agent</c>, <c>channel</c>, <c>week</c> (and <c>none</c>).</summary>
    public static string ToApiName(this ReportGrouping grouping) => grouping.ToString().ToLowerInvariant();

    public static bool TryParseApiName(string? value, out ReportGrouping grouping)
    {
        foreach (var candidate in Enum.GetValues<ReportGrouping>())
        {
            if (string.Equals(candidate.ToApiName(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                grouping = candidate;
                return true;
            }
        }
        grouping = default;
        return false;
    }

    public static string DisplayName(this ReportGrouping grouping) => grouping switch
    {
        ReportGrouping.None => "All cases",
        ReportGrouping.Queue => "Queue",
        ReportGrouping.Severity => "Severity",
        ReportGrouping.Customer => "Customer",
        ReportGrouping.Agent => "Agent",
        ReportGrouping.Channel => "Channel",
        ReportGrouping.Week => "Week (Monday)",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Unknown grouping."),
    };
}
