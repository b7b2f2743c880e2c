namespace SupportConsole.Features.Calls;

public sealed record CallChangeDto(string? Start, int? DurationMinutes);
