using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Plans;
using SupportConsole.Domain.Sla;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Calendar;

public sealed record SlaPreviewDto(string ReceivedAt, string Plan, string ClockStartsAt, string? FirstResponseDueAt, string? AtRiskAt, IReadOnlyList<WindowDto> Windows);
