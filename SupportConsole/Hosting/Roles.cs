namespace SupportConsole.Hosting;

/// <summary>The roles people hold at the desk. The bootstrap administrator holds all of them.</summary>
public static class Roles
{
    public const string Tier1 = "Tier1";
    public const string Tier2 = "Tier2";
    public const string Tier3 = "Tier3";
    public const string Manager = "Manager";
    public const string Admin = "Admin";
    public const string Sales = "Sales";

    public static readonly IReadOnlyList<string> All = [Tier1, Tier2, Tier3, Manager, Admin, Sales];

    public static string Describe(string role) => role switch
    {
        Tier1 => "Tier 1 agent: works the priority and standard queues, takes phone calls",
        Tier2 => "Tier 2 engineer: picks up escalations, schedules calls",
        Tier3 => "Tier 3 engineer: picks up the hardest escalations",
        Manager => "Manager: SLA dashboard, customers, plans, holidays, jobs",
        Admin => "Administrator: agent accounts and roles",
        Sales => "Sales: takes the calls prospects book on the public contact page",
        _ => role,
    };
}
