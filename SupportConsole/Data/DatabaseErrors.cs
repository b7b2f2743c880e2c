using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SupportConsole.Data;

/// <summary>What a failed save means, told apart from the provider's error codes so features never read them.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// True when the save broke a unique index (a concurrent duplicate lost the race); with <paramref name="table"/>,
    /// only when the index is on that table.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string? table = null) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19 } sqlite => table is null || sqlite.Message.Contains(table, StringComparison.OrdinalIgnoreCase),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres => table is null || string.Equals(postgres.TableName, table, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
