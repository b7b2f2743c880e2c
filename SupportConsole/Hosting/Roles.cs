namespace SupportConsole.Hosting;

/// <summary>The roles people hold at the desk. The bootstrap administrator holds all of them.</summary>
public static class Roles
{
    public const string Tier1 = "Tier1";
    public const string Tier2 = "Tier2";
    public const string Tier3 = "Tier3";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Tier1, Tier2, Tier3, Manager, Admin];

    public static string Describe(string role) => role switch
    {
        Tier1 => "Tier 1 agent: works the priority and standard queues, takes phone calls",
        Tier2 => "Tier 2 engineer: picks up escalations, schedules calls",
        Tier3 => "Tier 3 engineer: picks up the hardest escalations",
        Manager => "Manager: SLA dashboard, customers, plans, holidays, jobs",
        Admin => "Administrator: agent accounts and roles",
        _ => role,
    };
}

/// <summary>Authorization policies, one per area of the app; pages and endpoints name these, never raw roles.</summary>
public static class Policies
{
    /// <summary>The live queues and the case pages: Tier 1 and the managers who supervise them.</summary>
    public const string Queues = "Queues";

    /// <summary>Escalated cases: Tier 2 and 3 engineers and managers.</summary>
    public const string Escalations = "Escalations";

    /// <summary>Dashboard, customers, holidays, jobs, SLA calculator.</summary>
    public const string Management = "Management";

    /// <summary>Agent accounts and roles.</summary>
    public const string UserAdministration = "UserAdministration";

    /// <summary>The Hangfire dashboard and the jobs overview: managers and administrators.</summary>
    public const string Jobs = "Jobs";

    /// <summary>Any signed-in member of the desk (case pages are reachable from every work area).</summary>
    public const string Staff = "Staff";

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Queues] = [Roles.Tier1, Roles.Manager],
        [Escalations] = [Roles.Tier2, Roles.Tier3, Roles.Manager],
        [Management] = [Roles.Manager],
        [UserAdministration] = [Roles.Admin],
        [Jobs] = [Roles.Manager, Roles.Admin],
        [Staff] = [Roles.Tier1, Roles.Tier2, Roles.Tier3, Roles.Manager, Roles.Admin],
    };
}
