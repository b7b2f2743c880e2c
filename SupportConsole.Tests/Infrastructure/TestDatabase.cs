using SupportConsole.Data;

namespace SupportConsole.Tests.Infrastructure;

/// <summary>
/// Which database this test run's app hosts use: SQLite files by default, PostgreSQL when
/// <c>SUPPORTCONSOLE_TEST_DATABASE=PostgreSql</c> (test.sh runs the integration tests a second time that way).
/// </summary>
public static class TestDatabase
{
    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("SUPPORTCONSOLE_TEST_DATABASE"), "PostgreSql", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;
}
