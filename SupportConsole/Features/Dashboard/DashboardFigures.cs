using SupportConsole.Features.Reports;

namespace SupportConsole.Features.Dashboard;

/// <summary>
/// What the managers' dashboard shows at one instant. <see cref="Sla"/> is the SLA report of the last 30 days (by due
/// date), the very figures /reports gives for that range.
/// </summary>
public sealed record DashboardFigures(
    DateTimeOffset At,
    IReadOnlyList<QueueFigures> Queues,
    SlaReport Sla,
    IReadOnlyList<AttentionCase> NeedsAttention,
    IReadOnlyList<AgentLoad> Agents,
    int EscalatedOpen,
    long Backlog,
    IReadOnlyList<BacklogDay> BacklogTrend,
    BreachForecast WillBreachSoon);
