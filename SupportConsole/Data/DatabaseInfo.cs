namespace SupportConsole.Data;

/// <summary>The database this host runs on, for what start-up does differently (SQLite's journal mode, PostgreSQL's advisory lock).</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider);
