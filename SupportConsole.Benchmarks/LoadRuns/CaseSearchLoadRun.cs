using System.Diagnostics;
using System.Globalization;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Benchmarks.LoadRuns;

/// <summary>
/// <c>dotnet run -c Release --project SupportConsole.Benchmarks -- case-search [--cases 100000] [--db PATH] [--runs 50]
/// [--postgresql "Host=...;Database=..."]</c>: fills a desk database (SQLite by default; PostgreSQL when given a
/// connection string), migrated like the app's so the search index and its triggers are the app's own, with cases over
/// two years, each with a customer message and a reply drawn from a fixed vocabulary (once; a database that already
/// holds them is reused), then times searches through the provider's <see cref="ICaseSearchIndex"/> (FTS5 or tsvector)
/// and prints p50/p95.
/// </summary>
internal static class CaseSearchLoadRun
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 18, 0, 0, TimeSpan.Zero);

    private static readonly string[] Common =
        ["printer", "login", "password", "invoice", "export", "timeout", "crash", "upgrade", "license", "report", "sync", "backup", "network", "email", "slow", "error"];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(LoadRun.Option(args, "cases", "100000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(LoadRun.Option(args, "runs", "50"), CultureInfo.InvariantCulture);
        var postgreSql = LoadRun.Option(args, "postgresql", "");
        IDbContextFactory<SupportConsoleDbContext> factory;
        ICaseSearchIndex index;
        string where;
        if (postgreSql.Length > 0)
        {
            var options = new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(postgreSql).Options;
            factory = new ProviderContextFactory<PostgreSqlDbContext>(new PooledDbContextFactory<PostgreSqlDbContext>(options));
            index = new PostgreSqlCaseSearchIndex(factory);
            where = "PostgreSQL " + new Npgsql.NpgsqlConnectionStringBuilder(postgreSql).Database;
        }
        else
        {
            var path = Path.GetFullPath(LoadRun.Option(args, "db", Path.Combine(Path.GetTempPath(), "supportconsole-bench", $"search-{count}.db")));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            factory = new PooledDbContextFactory<SupportConsoleDbContext>(new DbContextOptionsBuilder<SupportConsoleDbContext>().UseSqlite($"Data Source={path}").Options);
            index = new SqliteCaseSearchIndex(factory);
            where = path;
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            var existing = await db.Cases.LongCountAsync();
            if (existing == 0)
            {
                var stopwatch = Stopwatch.StartNew();
                await GenerateAsync(db, count);
                Console.WriteLine($"Generated {count:N0} cases (2 thread entries each, indexed by the triggers) in {stopwatch.Elapsed.TotalSeconds:N1} s into {where}");
                await db.Database.ExecuteSqlRawAsync("ANALYZE;");
            }
            else
            {
                Console.WriteLine($"Reusing {existing:N0} cases in {where}");
            }
        }

        (string Name, CaseSearchCriteria Criteria)[] searches =
        [
            ("common word ('printer'), newest first, page 1 of 25", new CaseSearchCriteria("printer")),
            ("common word, best match first", new CaseSearchCriteria("printer", Sort: CaseSearchSort.Relevance)),
            ("two common words ('printer timeout')", new CaseSearchCriteria("printer timeout")),
            ("common word + status open + priority queue", new CaseSearchCriteria("printer", Status: CaseStatus.Open, Queue: CaseQueue.Priority)),
            ("rare word (a sender's name)", new CaseSearchCriteria("Sender4242")),
            ("sender address", new CaseSearchCriteria("user777@example.com")),
            ("common word, page 40", new CaseSearchCriteria("printer", Page: 40)),
            ("no words: open cases of one assignee", new CaseSearchCriteria(Status: CaseStatus.Open, AssigneeId: "agent-07")),
        ];
        foreach (var (name, criteria) in searches)
        {
            var found = await index.SearchAsync(criteria);
            await LoadRun.MeasureAsync($"{name} [{found.Total:N0} matches]", runs, () => index.SearchAsync(criteria));
        }
        return 0;
    }

    /// <summary>
    /// Cases arrive evenly over two years (seeded random), from 10,000 senders; subjects and thread text are drawn from
    /// a small vocabulary of common support words plus filler, so common words match thousands of cases.
    /// </summary>
    private static async Task GenerateAsync(SupportConsoleDbContext db, int count)
    {
        // Plain ADO.NET on the context's own connection, written once for both databases: quoted names, @ parameters.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (db.Database.IsSqlite())
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insertCase = connection.CreateCommand();
        insertCase.Transaction = transaction;
        insertCase.CommandText = """
            INSERT INTO "Cases" ("Number", "ArrivalSequence", "Subject", "FromAddress", "FromName", "CustomerId", "Queue", "RoutingReason", "Channel",
                "Severity", "Status", "ReceivedAtUtc", "IsImported", "AssigneeId", "Tier", "ClockStartsAtUtc", "Version")
            VALUES (@n, @n, @subject, @from, @name, NULL, @queue, 'benchmark', 0, 3, @status, @received, @imported, @assignee, 1, @received, 0)
            RETURNING "Id"
            """;
        var c = Parameters(insertCase, "n", "subject", "from", "name", "queue", "status", "received", "imported", "assignee");
        c["imported"].Value = true;
        await using var insertEntry = connection.CreateCommand();
        insertEntry.Transaction = transaction;
        insertEntry.CommandText = """INSERT INTO "CaseEntries" ("CaseId", "Kind", "AtUtc", "Author", "Body") VALUES (@case, @kind, @at, @author, @body)""";
        var e = Parameters(insertEntry, "case", "kind", "at", "author", "body");
        var random = new Random(20261209);
        var from = Now.AddDays(-730).ToUnixTimeSeconds();
        var span = Now.ToUnixTimeSeconds() - from;
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.15 ? Common[random.Next(Common.Length)] : $"word{random.Next(5000)}"));
        for (var i = 0; i < count; i++)
        {
            var received = DateTimeOffset.FromUnixTimeSeconds(from + (span * i / count)).UtcDateTime;
            var sender = random.Next(10_000);
            c["n"].Value = 100_000L + i;
            c["subject"].Value = Words(6);
            c["from"].Value = $"user{sender}@example.com";
            c["name"].Value = $"Sender{sender}";
            c["queue"].Value = (int)(random.NextDouble() < 0.7 ? CaseQueue.Priority : CaseQueue.Standard);
            c["status"].Value = (Now.UtcDateTime - received).TotalDays > 5 ? (int)CaseStatus.Closed : (int)CaseStatus.Open;
            c["received"].Value = received;
            c["assignee"].Value = $"agent-{random.Next(1, 41):00}";
            var caseId = Convert.ToInt64(await insertCase.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            foreach (var (kind, author) in new[] { (CaseEntryKind.CustomerMessage, "customer"), (CaseEntryKind.Reply, "agent") })
            {
                e["case"].Value = caseId;
                e["kind"].Value = (int)kind;
                e["at"].Value = received;
                e["author"].Value = author;
                e["body"].Value = Words(40);
                await insertEntry.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
    }

    private static Dictionary<string, DbParameter> Parameters(DbCommand command, params string[] names) =>
        names.ToDictionary(name => name, name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        });
}
