namespace SupportConsole.Data;

/// <summary>Which database the app runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>SQLite files in db/: one machine, no server (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by one or more app instances.</summary>
    PostgreSql,
}
