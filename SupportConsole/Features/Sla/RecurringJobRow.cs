namespace SupportConsole.Features.Sla;

public sealed record RecurringJobRow(string Id, string Cron, DateTimeOffset? NextRun, DateTimeOffset? LastRun, string? LastState);
