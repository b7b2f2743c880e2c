namespace SupportConsole.Features.Calendar;

public sealed record HolidayNameDto(string? Name);
