using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SupportConsole.Domain.Reports;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Data;

/// <summary>
/// The deadline tracker's bulk writes, as prepared statements inside the caller's transaction: a holiday change can
/// move the deadlines of tens of thousands of cases, and a restart can record as many crossings at once.
/// </summary>
public static class SlaTrackingWrites
{
    /// <summary>Stores re-derived deadlines, for cases still waiting for their first response.</summary>
    public static async Task UpdateDeadlinesAsync(this SupportConsoleDbContext db, IReadOnlyCollection<(long CaseId, FirstResponseDeadline Deadline)> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return;
        }
        await using var update = Command(db,
            """UPDATE "Cases" SET "ClockStartsAtUtc" = @start, "AtRiskAtUtc" = @risk, "FirstResponseDueAtUtc" = @due, "FirstResponseDueLocalDate" = @dueDate WHERE "Id" = @id AND "FirstRespondedAtUtc" IS NULL""");
        var id = Parameter(update, "@id");
        var start = Parameter(update, "@start");
        var risk = Parameter(update, "@risk");
        var due = Parameter(update, "@due");
        var dueDate = Parameter(update, "@dueDate");
        var prepared = false;
        foreach (var (caseId, deadline) in updates)
        {
            id.Value = caseId;
            start.Value = deadline.ClockStartsAt.UtcDateTime;
            risk.Value = (object?)deadline.AtRiskAt?.UtcDateTime ?? DBNull.Value;
            due.Value = (object?)deadline.DueAt?.UtcDateTime ?? DBNull.Value;
            // A DateOnly: TEXT yyyy-MM-dd on SQLite (as EF Core stores it), a date on PostgreSQL.
            dueDate.Value = deadline.DueAt is { } at ? SlaReportRules.ReportDateOf(at) : DBNull.Value;
            await PrepareOnceAsync(update, ref prepared, cancellationToken);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Records each crossing unless its case already has that kind of event (the unique index also catches a
    /// concurrent duplicate); returns, in order, whether each one was recorded now.
    /// </summary>
    public static async Task<bool[]> RecordSlaEventsOnceAsync(this SupportConsoleDbContext db, IReadOnlyList<(long CaseId, SlaEventKind Kind, DateTime ThresholdAtUtc)> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = new bool[events.Count];
        if (events.Count == 0)
        {
            return inserted;
        }
        await using var insert = Command(db, """
            INSERT INTO "SlaEvents" ("CaseId", "Kind", "ThresholdAtUtc", "RecordedAtUtc")
            SELECT @caseId, @kind, @threshold, @now WHERE NOT EXISTS (SELECT 1 FROM "SlaEvents" WHERE "CaseId" = @caseId AND "Kind" = @kind)
            ON CONFLICT DO NOTHING
            """);
        var caseId = Parameter(insert, "@caseId");
        var kind = Parameter(insert, "@kind");
        var threshold = Parameter(insert, "@threshold");
        Parameter(insert, "@now").Value = now.UtcDateTime;
        var prepared = false;
        for (var i = 0; i < events.Count; i++)
        {
            caseId.Value = events[i].CaseId;
            kind.Value = (int)events[i].Kind;
            threshold.Value = events[i].ThresholdAtUtc;
            await PrepareOnceAsync(insert, ref prepared, cancellationToken);
            inserted[i] = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        return inserted;
    }

    /// <summary>
    /// Prepares a repeated statement on SQLite once. Npgsql infers parameter types from values, and a first row's null
    /// has none, so PostgreSQL runs the statement unprepared (its plan cache keeps it cheap).
    /// </summary>
    private static Task PrepareOnceAsync(DbCommand command, ref bool prepared, CancellationToken cancellationToken)
    {
        if (prepared || command is not Microsoft.Data.Sqlite.SqliteCommand)
        {
            return Task.CompletedTask;
        }
        prepared = true;
        return command.PrepareAsync(cancellationToken);
    }

    private static DbCommand Command(SupportConsoleDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk SLA writes run inside the caller's transaction.");
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
