using Microsoft.EntityFrameworkCore;

namespace SupportConsole.Data;

/// <summary>Named counters the database advances (case numbers and arrival order), never memory.</summary>
public static class Sequences
{
    /// <summary>The counter behind case numbers and arrival order.</summary>
    public const string Case = "case";

    /// <summary>
    /// Advances a named counter inside the caller's transaction. The upsert locks the counter's row until the caller
    /// commits (SQLite's single writer does the same for the file), so numbers are strictly increasing, gapless and in
    /// commit order across every instance sharing the database.
    /// </summary>
    public static async Task<long> NextValueAsync(this SupportConsoleDbContext db, string name, CancellationToken cancellationToken = default)
    {
        var values = await db.Database
            .SqlQuery<long>($"""INSERT INTO "SequenceCounters" ("Name", "Value") VALUES ({name}, 1) ON CONFLICT ("Name") DO UPDATE SET "Value" = "SequenceCounters"."Value" + 1 RETURNING "Value" AS "Value" """)
            .ToListAsync(cancellationToken);
        return values.Single();
    }
}
