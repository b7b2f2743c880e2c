namespace SupportConsole.Features.Reports;

/// <summary>A drill-down: how many cases a figure counts, and the first of them (due order).</summary>
public sealed record ReportCaseList(int Total, IReadOnlyList<ReportCase> Cases);
