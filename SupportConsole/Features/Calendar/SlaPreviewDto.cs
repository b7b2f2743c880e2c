namespace SupportConsole.Features.Calendar;

public sealed record SlaPreviewDto(string ReceivedAt, string Plan, string ClockStartsAt, string? FirstResponseDueAt, string? AtRiskAt, IReadOnlyList<WindowDto> Windows);
