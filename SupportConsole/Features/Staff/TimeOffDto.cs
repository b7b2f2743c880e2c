namespace SupportConsole.Features.Staff;

public sealed record TimeOffDto(string? From, string? To, string? Reason);
