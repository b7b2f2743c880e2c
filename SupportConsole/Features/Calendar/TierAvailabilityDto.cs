using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Plans;
using SupportConsole.Domain.Sla;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Calendar;

public sealed record TierAvailabilityDto(bool Open, string? ClosesAt, string? OpensAt);
