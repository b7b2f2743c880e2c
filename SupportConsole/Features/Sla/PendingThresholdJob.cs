using SupportConsole.Data;

namespace SupportConsole.Features.Sla;

/// <summary>A threshold job waiting in storage: which case, which threshold, when it runs.</summary>
public sealed record PendingThresholdJob(string JobId, long CaseId, SlaEventKind Kind, DateTime ThresholdAtUtc, DateTimeOffset RunAt);
