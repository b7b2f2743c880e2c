namespace SupportConsole.Features.Account;

/// <summary>Accounts seeded on an empty Development database with no bootstrap administrator configured.</summary>
public static class DemoAccounts
{
    public sealed record DemoAccount(string Email, string Password, string DisplayName, string[] Roles);

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("tier1@supportconsole.local", "Demo-tier1-1", "Tina Tier1", [Hosting.Roles.Tier1]),
        new("tier1b@supportconsole.local", "Demo-tier1-2", "Theo Tier1", [Hosting.Roles.Tier1]),
        new("tier2@supportconsole.local", "Demo-tier2-1", "Sam Tier2", [Hosting.Roles.Tier2]),
        new("tier2b@supportconsole.local", "Demo-tier2-2", "Bea Tier2", [Hosting.Roles.Tier2]),
        new("tier2c@supportconsole.local", "Demo-tier2-3", "Lena Tier2", [Hosting.Roles.Tier2]),
        new("tier3@supportconsole.local", "Demo-tier3-1", "Ravi Tier3", [Hosting.Roles.Tier3]),
        new("sales@supportconsole.local", "Demo-sales-1", "Sol Sales", [Hosting.Roles.Sales]),
        new("manager@supportconsole.local", "Demo-manager-1", "Maria Manager", [Hosting.Roles.Manager]),
        new("admin@supportconsole.local", "Demo-admin-1", "Ada Admin", [.. Hosting.Roles.All]),
    ];
}
