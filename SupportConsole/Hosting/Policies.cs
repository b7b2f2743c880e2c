namespace SupportConsole.Hosting;

/// <summary>Authorization policies, one per area of the app; pages and endpoints name these, never raw roles.</summary>
public static class Policies
{
    /// <summary>The live queues and the case pages: Tier 1 and the managers who supervise them.</summary>
    public const string Queues = "Queues";

    /// <summary>Escalated cases: Tier 2 and 3 engineers and managers.</summary>
    public const string Escalations = "Escalations";

    /// <summary>Calls and the calendar of calls: engineers, sales and managers.</summary>
    public const string Calls = "Calls";

    /// <summary>Dashboard, customers, holidays, jobs, SLA calculator.</summary>
    public const string Management = "Management";

    /// <summary>Agent accounts and roles.</summary>
    public const string UserAdministration = "UserAdministration";

    /// <summary>The Hangfire dashboard and the jobs overview: managers and administrators.</summary>
    public const string Jobs = "Jobs";

    /// <summary>Finding any case (the /cases search page): every agent role that works cases, Tier 1 to 3 and managers.</summary>
    public const string CaseSearch = "CaseSearch";

    /// <summary>Any signed-in member of the desk (case pages are reachable from every work area).</summary>
    public const string Staff = "Staff";

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Queues] = [Roles.Tier1, Roles.Manager],
        [Escalations] = [Roles.Tier2, Roles.Tier3, Roles.Manager],
        [Calls] = [Roles.Tier2, Roles.Tier3, Roles.Sales, Roles.Manager],
        [Management] = [Roles.Manager],
        [UserAdministration] = [Roles.Admin],
        [Jobs] = [Roles.Manager, Roles.Admin],
        [CaseSearch] = [Roles.Tier1, Roles.Tier2, Roles.Tier3, Roles.Manager],
        [Staff] = [Roles.Tier1, Roles.Tier2, Roles.Tier3, Roles.Manager, Roles.Admin, Roles.Sales],
    };
}
