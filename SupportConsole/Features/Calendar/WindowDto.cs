namespace SupportConsole.Features.Calendar;

public sealed record WindowDto(string Start, string End);
