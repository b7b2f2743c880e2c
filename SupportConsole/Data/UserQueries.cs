namespace SupportConsole.Data;

/// <summary>The one query for "who holds a role now": active accounts (never disabled ones) with any of the roles.</summary>
public static class UserQueries
{
    public static IQueryable<AgentUser> ActiveUsersInRole(this SupportConsoleDbContext db, params string[] roles) =>
        db.Users.Where(u => !u.IsDisabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
}
