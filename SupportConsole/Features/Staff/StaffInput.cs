using SupportConsole.Domain.Staffing;

namespace SupportConsole.Features.Staff;

/// <summary>What a manager or the API sets on a person: name, roles, capacity, weekly hours and time off.</summary>
public sealed record StaffInput(string DisplayName, IReadOnlyList<string> Roles, int Capacity, WeeklyHours Hours, IReadOnlyList<TimeOff> TimeOff);
