using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Plans;
using SupportConsole.Domain.Sla;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Calendar;

public sealed record AvailabilityDto(string At, HolidayDto? Holiday, TierAvailabilityDto Tier1, TierAvailabilityDto Tier23);
