using SupportConsole.Domain.Reports;

namespace SupportConsole.Features.Reports;

/// <summary>The SLA report of a range at an instant: the figures over all its cases, and one row per group.</summary>
public sealed record SlaReport(DateTimeOffset At, ReportRange Range, ReportGrouping Grouping, SlaReportRow Total, IReadOnlyList<SlaReportRow> Rows);
