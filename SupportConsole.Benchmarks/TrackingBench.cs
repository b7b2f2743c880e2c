using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.Sla;

namespace SupportConsole.Benchmarks;

/// <summary>A migrated temporary desk database and a deadline tracker wired by hand (no web host).</summary>
internal sealed class TrackingBench : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 9, 18, 0, 0, TimeSpan.Zero); // Wed noon CST

    private TrackingBench(string folder, IDbContextFactory<SupportConsoleDbContext> factory, BusinessCalendar calendar)
    {
        Folder = folder;
        Factory = factory;
        Calendar = calendar;
    }

    public string Folder { get; }
    public IDbContextFactory<SupportConsoleDbContext> Factory { get; }
    public BusinessCalendar Calendar { get; }

    public static TrackingBench Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportconsole-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = new DbContextOptionsBuilder<SupportConsoleDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "supportconsole.db")}")
            .Options;
        var factory = new PooledDbContextFactory<SupportConsoleDbContext>(options);
        using (var db = factory.CreateDbContext())
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            db.Holidays.AddRange(HolidayBook.FederalHolidays(2026).Select(h => new StoredHoliday { Date = h.Date, Name = h.Name, IsFederal = true }));
            db.SaveChanges();
        }
        var calendar = new BusinessCalendar(factory, new CalendarOptions());
        calendar.ReloadAsync().GetAwaiter().GetResult();
        return new TrackingBench(folder, factory, calendar);
    }

    public DeadlineTracker Tracker(IDeadlineJobScheduler scheduler, TimeProvider clock) => new(
        Factory, Calendar, scheduler,
        new NotificationCentre(Factory, clock, NullLogger<NotificationCentre>.Instance),
        new CaseChangeNotifier(NullLogger<CaseChangeNotifier>.Instance),
        new DeadlineTrackingOptions(), clock, NullLogger<DeadlineTracker>.Instance);

    /// <summary>Open priority cases received evenly over the <paramref name="days"/> before <see cref="Now"/>, deadlines as intake stores them.</summary>
    public void InsertOpenCases(int count, int days)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "supportconsole.db")}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Cases (Number, ArrivalSequence, Subject, FromAddress, FromName, Queue, RoutingReason, Channel, Severity, Status,
                ReceivedAtUtc, IsImported, Tier, ClockStartsAtUtc, AtRiskAtUtc, FirstResponseDueAtUtc)
            VALUES ($n, $n, 'Benchmark case', 'ann@acme.example', '', 1, 'benchmark', 0, 2, 0, $received, 0, 1, $start, $risk, $due)
            """;
        var n = insert.Parameters.Add("$n", SqliteType.Integer);
        var received = insert.Parameters.Add("$received", SqliteType.Text);
        var start = insert.Parameters.Add("$start", SqliteType.Text);
        var risk = insert.Parameters.Add("$risk", SqliteType.Text);
        var due = insert.Parameters.Add("$due", SqliteType.Text);
        insert.Prepare();
        var policy = Calendar.Policies.For(CaseQueue.Priority);
        var span = TimeSpan.FromDays(days).Ticks;
        for (var i = 0; i < count; i++)
        {
            var at = DateTimeOffset.FromUnixTimeSeconds((Now - TimeSpan.FromTicks(span * (count - i) / count)).ToUnixTimeSeconds());
            var deadline = FirstResponseDeadline.Compute(Calendar.Current, policy, at);
            n.Value = 100_000 + i;
            received.Value = at.UtcDateTime;
            start.Value = deadline.ClockStartsAt.UtcDateTime;
            risk.Value = deadline.AtRiskAt!.Value.UtcDateTime;
            due.Value = deadline.DueAt!.Value.UtcDateTime;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Remembers scheduled jobs like Hangfire's scheduled set, without storage cost (measured in <see cref="SchedulingBenchmarks"/>).</summary>
internal sealed class InMemoryScheduler : IDeadlineJobScheduler
{
    private readonly Dictionary<string, PendingThresholdJob> jobs = [];
    private int next;

    public int Scheduled { get; private set; }

    public string Schedule(long caseId, SlaEventKind kind, DateTime thresholdAtUtc, DateTimeOffset runAt)
    {
        var id = (++next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        jobs[id] = new PendingThresholdJob(id, caseId, kind, thresholdAtUtc, runAt);
        Scheduled++;
        return id;
    }

    public void Cancel(string jobId) => jobs.Remove(jobId);

    public IReadOnlyList<PendingThresholdJob> Pending(DateTimeOffset until) => jobs.Values.Where(j => j.RunAt <= until).OrderBy(j => j.RunAt).ToList();
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
