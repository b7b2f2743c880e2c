using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Features.Escalations;

public sealed record EscalatedCase(long Id, long Number, SupportTier Tier, string Subject, string? CustomerName, CaseQueue Queue, CaseSeverity Severity,
    CaseStatus Status, string? AssigneeId, string? AssigneeName, FirstResponseDeadline Deadline, DateTimeOffset? FirstRespondedAt, DateTimeOffset ReceivedAt);
