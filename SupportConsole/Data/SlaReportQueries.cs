using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Domain.Reports;

namespace SupportConsole.Data;

/// <summary>
/// The SLA report's aggregates, computed by the database over an index range: cases are picked by the stored Central
/// date of their due instant (<c>IX_Cases_SlaReport</c>), counted per group in one pass, and each group's percentiles
/// are read by row number from a window over the stored response business seconds in a second. The rules are
/// <c>Domain.Reports.SlaReportRules</c>'; the tests hold this SQL to them.
/// </summary>
public static class SlaReportQueries
{
    /// <summary>Stored instants are TEXT "yyyy-MM-dd HH:mm:ss" (whole seconds) on SQLite, so its parameters are written the same way.</summary>
    public static string StoredInstant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Stored dates are TEXT "yyyy-MM-dd" on SQLite.</summary>
    public static string StoredDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// An instant as a parameter: whole seconds, UTC. SQLite binds a DateTime as the text EF Core stores, PostgreSQL as a
    /// timestamptz; dates bind as DateOnly on both.
    /// </summary>
    private static DateTime Instant(DateTimeOffset at) => DateTime.SpecifyKind(new DateTime(at.UtcDateTime.Ticks - at.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    public static async Task<IReadOnlyList<SlaReportAggregate>> SlaReportAsync(this SupportConsoleDbContext db, DateOnly from, DateOnly toExclusive, SlaReportKey key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var counts = await CountsAsync(db, from, toExclusive, key, now, cancellationToken);
        var percentiles = await PercentilesAsync(db, from, toExclusive, key, cancellationToken);
        return [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => percentiles.TryGetValue(c.Key, out var p)
            ? c with { P50Seconds = p.P50, P90Seconds = p.P90, P99Seconds = p.P99 }
            : c)];
    }

    /// <summary>
    /// Due, met, missed and answered per group. For all cases and for weeks the database counts per due date, the index's
    /// leading column (no sort), and the days are added up here: sums, unlike percentiles, add up exactly.
    /// </summary>
    private static async Task<List<SlaReportAggregate>> CountsAsync(SupportConsoleDbContext db, DateOnly from, DateOnly toExclusive, SlaReportKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byDay = key is SlaReportKey.All or SlaReportKey.Week;
        var sql = $"""
            SELECT {(byDay ? DayKeySql(db) : KeySql(db, key))} AS k,
                   COUNT(*),
                   SUM(CASE WHEN c."FirstRespondedAtUtc" IS NOT NULL AND c."FirstRespondedAtUtc" <= c."FirstResponseDueAtUtc" THEN 1 ELSE 0 END),
                   SUM(CASE WHEN (c."FirstRespondedAtUtc" IS NOT NULL AND c."FirstRespondedAtUtc" > c."FirstResponseDueAtUtc") OR (c."FirstRespondedAtUtc" IS NULL AND c."FirstResponseDueAtUtc" < @now) THEN 1 ELSE 0 END),
                   COUNT(CASE WHEN c."FirstRespondedAtUtc" IS NOT NULL THEN c."FirstResponseBusinessSeconds" END)
            FROM "Cases" c
            WHERE c."FirstResponseDueLocalDate" >= @from AND c."FirstResponseDueLocalDate" < @to
            GROUP BY k
            """;
        await using var command = await db.CommandAsync(sql, cancellationToken);
        command.AddParameter("@from", from);
        command.AddParameter("@to", toExclusive);
        command.AddParameter("@now", Instant(now));
        var rows = new List<SlaReportAggregate>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var k = reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "";
                rows.Add(new SlaReportAggregate(k, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), null, null, null));
            }
        }
        if (!byDay)
        {
            return rows;
        }
        return [.. rows
            .GroupBy(r => key == SlaReportKey.All ? "" : WeekKey(r.Key))
            .Select(g => new SlaReportAggregate(g.Key, g.Sum(r => r.Due), g.Sum(r => r.Met), g.Sum(r => r.Missed), g.Sum(r => r.Responded), null, null, null))];
    }

    /// <summary>
    /// Nearest-rank p50, p90 and p99 of each group's answered cases: one window over the narrow (group, seconds) rows of
    /// the range, ranks ⌈q·n⌉ as (q·n + 99) / 100 in integers, as SlaReportRules.NearestRank.
    /// </summary>
    private static async Task<Dictionary<string, (long? P50, long? P90, long? P99)>> PercentilesAsync(SupportConsoleDbContext db, DateOnly from, DateOnly toExclusive, SlaReportKey key, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH r AS (
                SELECT {KeySql(db, key)} AS k, c."FirstResponseBusinessSeconds" AS s
                FROM "Cases" c
                WHERE c."FirstResponseDueLocalDate" >= @from AND c."FirstResponseDueLocalDate" < @to
                  AND c."FirstRespondedAtUtc" IS NOT NULL AND c."FirstResponseBusinessSeconds" IS NOT NULL
            ),
            n AS (SELECT k, COUNT(*) AS n FROM r GROUP BY k)
            SELECT x.k,
                   MAX(CASE WHEN x.rn = (50 * n.n + 99) / 100 THEN x.s END),
                   MAX(CASE WHEN x.rn = (90 * n.n + 99) / 100 THEN x.s END),
                   MAX(CASE WHEN x.rn = (99 * n.n + 99) / 100 THEN x.s END)
            FROM (SELECT k, s, ROW_NUMBER() OVER (PARTITION BY k ORDER BY s) AS rn FROM r) x
            JOIN n ON n.k = x.k
            WHERE x.rn IN ((50 * n.n + 99) / 100, (90 * n.n + 99) / 100, (99 * n.n + 99) / 100)
            GROUP BY x.k
            """;
        await using var command = await db.CommandAsync(sql, cancellationToken);
        command.AddParameter("@from", from);
        command.AddParameter("@to", toExclusive);
        var percentiles = new Dictionary<string, (long?, long?, long?)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var k = reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "";
            percentiles[k] = (reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
        }
        return percentiles;
    }

    /// <summary>The Monday (yyyy-MM-dd) of a stored due date's week, as the SQL's <c>date(d, '-6 days', 'weekday 1')</c>.</summary>
    private static string WeekKey(string storedDate) =>
        StoredDate(SlaReportRules.WeekOf(DateOnly.ParseExact(storedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>
    /// How many responded cases of the range took less than each bound (business seconds, ascending), and how many took
    /// at least the last one: <c>bounds.Count + 1</c> buckets.
    /// </summary>
    public static async Task<long[]> ResponseHistogramAsync(this SupportConsoleDbContext db, DateOnly from, DateOnly toExclusive, IReadOnlyList<long> bounds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        var buckets = string.Join(" ", bounds.Select((b, i) => $"WHEN c.\"FirstResponseBusinessSeconds\" < {b.ToString(CultureInfo.InvariantCulture)} THEN {i.ToString(CultureInfo.InvariantCulture)}"));
        var sql = $"""
            SELECT CASE {buckets} ELSE {bounds.Count.ToString(CultureInfo.InvariantCulture)} END AS b, COUNT(*)
            FROM "Cases" c
            WHERE c."FirstResponseDueLocalDate" >= @from AND c."FirstResponseDueLocalDate" < @to
              AND c."FirstRespondedAtUtc" IS NOT NULL AND c."FirstResponseBusinessSeconds" IS NOT NULL
            GROUP BY b
            """;
        await using var command = await db.CommandAsync(sql, cancellationToken);
        command.AddParameter("@from", from);
        command.AddParameter("@to", toExclusive);
        var counts = new long[bounds.Count + 1];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetInt32(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>
    /// For each boundary (ascending, whole UTC hours, as Central midnights are), how many cases arrived at or after it and
    /// how many were closed at or after it: with the number open now, the backlog at each boundary is open + closed
    /// after − arrived after. The database counts per UTC hour over two index ranges; the hours are added up here.
    /// </summary>
    public static async Task<(long[] ArrivedAfter, long[] ClosedAfter)> ArrivalsAndClosingsAfterAsync(this SupportConsoleDbContext db, IReadOnlyList<DateTimeOffset> boundaries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        if (boundaries.Any(b => b.ToUnixTimeSeconds() % 3600 != 0))
        {
            throw new ArgumentException("Backlog boundaries are whole UTC hours.", nameof(boundaries));
        }
        if (boundaries.Count == 0)
        {
            return ([], []);
        }
        return (await CountAfterAsync(db, "ReceivedAtUtc", boundaries, cancellationToken), await CountAfterAsync(db, "ClosedAtUtc", boundaries, cancellationToken));
    }

    private static async Task<long[]> CountAfterAsync(SupportConsoleDbContext db, string column, IReadOnlyList<DateTimeOffset> boundaries, CancellationToken cancellationToken)
    {
        var hour = db.Database.IsNpgsql() ? $"to_char(\"{column}\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')" : $"substr(\"{column}\", 1, 13)";
        await using var command = await db.CommandAsync($"SELECT {hour} AS h, COUNT(*) FROM \"Cases\" WHERE \"{column}\" >= @from GROUP BY h", cancellationToken);
        command.AddParameter("@from", Instant(boundaries[0]));
        var counts = new long[boundaries.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var at = DateTime.ParseExact(reader.GetString(0), "yyyy-MM-dd HH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var n = reader.GetInt64(1);
            for (var i = 0; i < boundaries.Count && boundaries[i].UtcDateTime <= at; i++)
            {
                counts[i] += n;
            }
        }
        return counts;
    }

    /// <summary>A case's stored due date as "yyyy-MM-dd" text.</summary>
    private static string DayKeySql(SupportConsoleDbContext db) =>
        db.Database.IsNpgsql() ? "to_char(c.\"FirstResponseDueLocalDate\", 'YYYY-MM-DD')" : "c.\"FirstResponseDueLocalDate\"";

    private static string KeySql(SupportConsoleDbContext db, SlaReportKey key) => key switch
    {
        SlaReportKey.All => "''",
        SlaReportKey.Queue => "CAST(c.\"Queue\" AS TEXT)",
        SlaReportKey.Severity => "CAST(c.\"Severity\" AS TEXT)",
        SlaReportKey.Customer => "COALESCE(CAST(c.\"CustomerId\" AS TEXT), '')",
        SlaReportKey.Assignee => "COALESCE(c.\"AssigneeId\", '')",
        SlaReportKey.Channel => "CAST(c.\"Channel\" AS TEXT)",
        SlaReportKey.Week => db.Database.IsNpgsql()
            ? "to_char(date_trunc('week', c.\"FirstResponseDueLocalDate\"), 'YYYY-MM-DD')"
            : "date(c.\"FirstResponseDueLocalDate\", '-6 days', 'weekday 1')",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown report key."),
    };
}
