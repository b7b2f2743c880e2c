using Microsoft.EntityFrameworkCore;

namespace SupportConsole.Data;

/// <summary>Brings the database to the app's schema at start-up, and sets what the provider needs on the file.</summary>
public sealed class DatabaseSetup(IDbContextFactory<SupportConsoleDbContext> dbFactory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets the queue pages read while intake writes; it is a property of the file, so setting it once suffices.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
