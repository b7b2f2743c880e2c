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

    /// <summary>
    /// True when the database did not answer in time or dropped the connection (a busy or restarting server, a full
    /// pool): worth trying again later, and no reason to conclude anything about the data.
    /// </summary>
    public static bool IsTransient(this Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or NpgsqlException { IsTransient: true } or SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }
        return false;
    }
}
