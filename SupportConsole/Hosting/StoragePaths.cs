using Microsoft.Data.Sqlite;

namespace SupportConsole.Hosting;

/// <summary>Resolves where the SQLite files live: relative paths count from the app's content root, so `db/` is found whatever the working directory.</summary>
public static class StoragePaths
{
    public const string DefaultAppDatabase = "Data Source=../db/supportconsole.db";
    public const string DefaultHangfireDatabase = "Data Source=../db/hangfire.db";

    /// <summary>The named connection string (or its default), with its file resolved against the content root.</summary>
    public static string ResolveSqlite(IConfiguration configuration, string name, string fallback, string contentRoot) =>
        ResolveSqlite(configuration.GetConnectionString(name) ?? fallback, contentRoot);

    public static string ResolveSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        return builder.ToString();
    }

    /// <summary>The folder that holds the app's database; the outbox and attachments live beside it.</summary>
    public static string DataFolder(string resolvedConnectionString) =>
        Path.GetDirectoryName(new SqliteConnectionStringBuilder(resolvedConnectionString).DataSource) ?? Directory.GetCurrentDirectory();
}
