using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SupportConsole.Data;

/// <summary>Brings the database to the app's schema at start-up, and sets what the provider needs on it.</summary>
public sealed class DatabaseSetup(IDbContextFactory<SupportConsoleDbContext> dbFactory, DatabaseInfo database, IServiceProvider services)
{
    /// <summary>The advisory lock instances take while they prepare a shared database, one at a time.</summary>
    private const long StartupLock = 0x5C_0A50_1E;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets the queue pages read while intake writes; it is a property of the file, so setting it once suffices.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Runs start-up's steps (migrations, seeding, catching up) with no other instance doing the same at once: on
    /// PostgreSQL under a session advisory lock, which the server releases if this instance dies holding it.
    /// </summary>
    public async Task RunExclusiveAsync(Func<Task> steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            await steps();
            return;
        }
        await CreateDatabaseIfMissingAsync(cancellationToken);
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLock})", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await steps();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLock})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Creates the PostgreSQL database when the server does not have it yet (two instances may race: one wins).</summary>
    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it first.
        }
    }
}
