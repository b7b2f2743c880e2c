using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Reports;

namespace SupportConsole.Features.Reports;

/// <summary>One case behind a report figure: what the drill-down lists and the case-level CSV holds.</summary>
public sealed record ReportCase(
    long Number,
    string Subject,
    string Customer,
    CaseQueue Queue,
    CaseSeverity Severity,
    CaseChannel Channel,
    string Agent,
    CaseStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? FirstRespondedAt,
    long? ResponseBusinessSeconds,
    SlaOutcome Outcome);
