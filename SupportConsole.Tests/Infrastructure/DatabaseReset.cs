using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
            if (snapshotPath is null)
            {
                var path = Path.Combine(DataFolder, "reset-snapshot.db");
                await using var source = new SqliteConnection(live);
                await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
                await source.OpenAsync();
                await copy.OpenAsync();
                source.BackupDatabase(copy);
                snapshotPath = path;
                return;
            }

            await using (var snapshot = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshotPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var target = new SqliteConnection(live))
            {
                await snapshot.OpenAsync();
                await target.OpenAsync();
                await using (var busy = target.CreateCommand())
                {
                    busy.CommandText = "PRAGMA busy_timeout = 10000;";
                    await busy.ExecuteNonQueryAsync();
                }
                snapshot.BackupDatabase(target);
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
}
