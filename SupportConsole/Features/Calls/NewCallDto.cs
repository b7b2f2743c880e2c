namespace SupportConsole.Features.Calls;

public sealed record NewCallDto(string? Start, int? DurationMinutes, string? Engineer);
