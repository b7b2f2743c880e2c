using SupportConsole.Domain.Sla;

namespace SupportConsole.Features.Dashboard;

public sealed record AttentionCase(long Number, string Subject, string Customer, SlaState State, DateTimeOffset? DueAt, string? Assignee);
