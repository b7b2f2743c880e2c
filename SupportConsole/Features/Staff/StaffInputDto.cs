namespace SupportConsole.Features.Staff;

public sealed record StaffInputDto(string? DisplayName, IReadOnlyList<string>? Roles, int? Capacity, Dictionary<string, string[]>? Hours, IReadOnlyList<TimeOffDto>? TimeOff);
