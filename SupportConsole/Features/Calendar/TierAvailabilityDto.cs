namespace SupportConsole.Features.Calendar;

public sealed record TierAvailabilityDto(bool Open, string? ClosesAt, string? OpensAt);
