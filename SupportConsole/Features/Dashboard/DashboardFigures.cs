namespace SupportConsole.Features.Dashboard;

public sealed record DashboardFigures(
    DateTimeOffset At,
    IReadOnlyList<QueueFigures> Queues,
    int RespondedLast30Days,
    int MetLast30Days,
    int MetLateLast30Days,
    TimeSpan? MedianFirstResponse,
    IReadOnlyList<DailyResponses> Last14Days,
    IReadOnlyList<AttentionCase> NeedsAttention,
    IReadOnlyList<AgentLoad> Agents,
    int EscalatedOpen)
{
    /// <summary>Share of priority first responses in the last 30 days that met the deadline, or null when there were none.</summary>
    public double? MetRate => RespondedLast30Days == 0 ? null : (double)MetLast30Days / RespondedLast30Days;
}
