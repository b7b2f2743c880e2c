using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SupportConsole.Data;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Customers;
using SupportConsole.Features.Queues;
using SupportConsole.Hosting;

namespace SupportConsole.Tests.Infrastructure;

/// <summary>
/// Lets tests share one host and still each start from the database as the host left it after start-up: the first
/// <see cref="ResetAsync"/> starts the host and copies its database aside (SQLite's backup API, so every table is
/// covered whatever the schema); each later call copies it back over the live file, empties the pickup and attachment
/// folders, and makes the app's in-memory views (calendar, routing directory, queue board) read the database again.
/// Hangfire's storage and a test's fakes are not touched: the caller resets those.
/// </summary>
public sealed partial class AppFactory
{
    private readonly SemaphoreSlim resetGate = new(1, 1);
    private string? snapshotPath;
    private bool postgresSnapshotTaken;

    public async Task ResetAsync()
    {
        var services = Services; // starts the host (migrations, seeding) on first use
        await resetGate.WaitAsync();
        try
        {
            string live;
            await using (var db = await services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync())
            {
                live = db.Database.GetConnectionString()!;
            }
            var restored = TestDatabase.IsPostgreSql ? await PostgresSnapshotOrRestoreAsync(live) : await SqliteSnapshotOrRestoreAsync(live);
            if (!restored)
            {
                return; // the first call only kept the fresh database aside
            }

            var folders = services.GetRequiredService<DataFolders>();
            foreach (var folder in new[] { folders.Pickup, folders.Attachments })
            {
                if (Directory.Exists(folder))
                {
                    foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
                    {
                        if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true); else File.Delete(entry);
                    }
                }
            }

            await services.GetRequiredService<BusinessCalendar>().ReloadAsync();
            services.GetRequiredService<RoutingDirectoryCache>().Invalidate();
            await services.GetRequiredService<QueueBoard>().ApplyAsync(
                CaseChange.ForAllCases(CaseChangeKind.DeadlinesMoved, services.GetRequiredService<TimeProvider>().GetUtcNow()));
        }
        finally
        {
            resetGate.Release();
        }
    }

    /// <summary>Keeps the database aside on the first call (SQLite's backup API); copies it back over the live file after.</summary>
    private async Task<bool> SqliteSnapshotOrRestoreAsync(string live)
    {
        if (snapshotPath is null)
        {
            var path = Path.Combine(DataFolder, "reset-snapshot.db");
            await using var source = new SqliteConnection(live);
            await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
            snapshotPath = path;
            return false;
        }
        await using var snapshot = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshotPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var target = new SqliteConnection(live);
        await snapshot.OpenAsync();
        await target.OpenAsync();
        await using (var busy = target.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout = 10000;";
            await busy.ExecuteNonQueryAsync();
        }
        snapshot.BackupDatabase(target);
        return true;
    }

    /// <summary>
    /// PostgreSQL: the first call copies every table of the app's schema into schema reset_snapshot; later calls empty
    /// them all in one TRUNCATE, copy the rows back with triggers off (the search table is restored as it was), and set
    /// each identity column's sequence past its largest id. Hangfire's schema is left alone, as its SQLite file is.
    /// </summary>
    private async Task<bool> PostgresSnapshotOrRestoreAsync(string live)
    {
        await using var connection = new NpgsqlConnection(live);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        if (!postgresSnapshotTaken)
        {
            command.CommandText = """
                DO $$ DECLARE t text; BEGIN
                    DROP SCHEMA IF EXISTS reset_snapshot CASCADE;
                    CREATE SCHEMA reset_snapshot;
                    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
                        EXECUTE format('CREATE TABLE reset_snapshot.%I AS TABLE public.%I', t, t);
                    END LOOP;
                END $$;
                """;
            await command.ExecuteNonQueryAsync();
            postgresSnapshotTaken = true;
            return false;
        }
        command.CommandText = """
            DO $$ DECLARE t text; r record; tables text; BEGIN
                SET LOCAL session_replication_role = replica;
                SELECT string_agg(format('public.%I', tablename), ', ') INTO tables FROM pg_tables WHERE schemaname = 'public';
                EXECUTE 'TRUNCATE ' || tables;
                FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
                    EXECUTE format('INSERT INTO public.%I SELECT * FROM reset_snapshot.%I', t, t);
                END LOOP;
                FOR r IN SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES' LOOP
                    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), COALESCE((SELECT MAX(%I) FROM public.%I), 0) + 1, false)',
                        'public.' || quote_ident(r.table_name), r.column_name, r.column_name, r.table_name);
                END LOOP;
            END $$;
            """;
        // The app keeps working while it is reset (jobs, the queue board): a deadlock with it is retried.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return true;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable && attempt < 5)
            {
            }
        }
    }
}
