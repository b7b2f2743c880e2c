using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SupportConsole.Data;

/// <summary>Hand-written SQL on a context's own connection (and transaction, when one is open): the reports and search.</summary>
internal static class RawCommands
{
    /// <summary>A command for <paramref name="sql"/>, opening the context's connection when it is not open yet.</summary>
    public static async Task<DbCommand> CommandAsync(this SupportConsoleDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a named parameter (<c>$name</c>) with its value.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
