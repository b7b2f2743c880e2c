using SupportConsole.Data;

namespace SupportConsole.Features.Sla;

public sealed record DeadlineJobRow(string JobId, string CaseNumber, SlaEventKind Kind, DateTimeOffset RunAt);
