using SupportConsole.Domain.Staffing;

namespace SupportConsole.Features.Staff;

/// <summary>A person of the desk as the staff page and the API show them, with their Tier 2-3 load and availability.</summary>
public sealed record StaffMember(
    string UserId,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool IsDisabled,
    int Capacity,
    WeeklyHours Hours,
    IReadOnlyList<StaffTimeOffItem> TimeOff,
    int OpenEscalations,
    int Load,
    bool AvailableNow,
    DateTimeOffset? NextAvailableAt)
{
    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Email : DisplayName;
}
