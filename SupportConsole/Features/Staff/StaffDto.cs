using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Staff;

/// <summary>A person as <c>GET /api/staff</c> answers.</summary>
public sealed record StaffDto(
    string Email, string DisplayName, IReadOnlyList<string> Roles, int Capacity, IReadOnlyDictionary<string, string[]> Hours,
    IReadOnlyList<TimeOffDto> TimeOff, int OpenEscalations, int Load, bool AvailableNow, string? NextAvailableAt)
{
    public static StaffDto Of(StaffMember m) => new(
        m.Email, m.DisplayName, m.Roles, m.Capacity, m.Hours.ToApi(),
        [.. m.TimeOff.Select(t => new TimeOffDto(ApiFormat.Instant(t.From), ApiFormat.Instant(t.To), t.Reason))],
        m.OpenEscalations, m.Load, m.AvailableNow, ApiFormat.Instant(m.NextAvailableAt));
}
