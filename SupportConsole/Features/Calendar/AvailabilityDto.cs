namespace SupportConsole.Features.Calendar;

public sealed record AvailabilityDto(string At, HolidayDto? Holiday, TierAvailabilityDto Tier1, TierAvailabilityDto Tier23);
