namespace SupportConsole.Features.Sla;

public sealed record FailedJobRow(string JobId, string Job, DateTimeOffset? FailedAt, string? Reason);
