namespace SupportConsole.Features.Calendar;

public sealed record HolidayDto(string Date, string Name);
