namespace SupportConsole.Data;

/// <summary>The database this host runs on, for the few places that say so (health, start-up, the jobs page).</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider)
{
    /// <summary>True when several instances may share the database (PostgreSQL).</summary>
    public bool IsShared => Provider == DatabaseProvider.PostgreSql;
}
