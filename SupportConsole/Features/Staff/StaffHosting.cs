namespace SupportConsole.Features.Staff;

public static class StaffHosting
{
    /// <summary>Staff profiles: tiers, capacity, weekly hours, time off, and who takes the next escalation.</summary>
    public static void AddStaff(this WebApplicationBuilder builder) => builder.Services.AddSingleton<StaffRoster>();

    public static void MapStaff(this WebApplication app) => app.MapStaffEndpoints();
}
