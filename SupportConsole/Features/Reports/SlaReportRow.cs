namespace SupportConsole.Features.Reports;

/// <summary>
/// One row of the SLA report. <see cref="Key"/> is the API's value (queue name, severity number, customer id, agent
/// email, channel name, or the week's Monday); <see cref="Label"/> is how a page shows it.
/// </summary>
public sealed record SlaReportRow(string Key, string Label, long Due, long Met, long Missed, long Pending, double? Compliance, long? P50Seconds, long? P90Seconds, long? P99Seconds);
