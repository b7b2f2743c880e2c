using BenchmarkDotNet.Attributes;
using Hangfire;
using Hangfire.Storage.SQLite;
using SupportConsole.Data;
using SupportConsole.Features.Sla;

namespace SupportConsole.Benchmarks;

/// <summary>
/// What intake adds per case: its two threshold jobs written to the real Hangfire SQLite storage, and the whole
/// tracking of a new case (read its facts, derive, schedule both). Intake's aim is 200 cases/second (5 ms each).
/// </summary>
[MemoryDiagnoser]
public class SchedulingBenchmarks
{
    private TrackingBench bench = null!;
    private SQLiteStorage storage = null!;
    private HangfireDeadlineJobScheduler scheduler = null!;
    private DeadlineTracker tracker = null!;
    private long caseId = 1;

    [GlobalSetup]
    public void Setup()
    {
        bench = TrackingBench.Create();
        bench.InsertOpenCases(10_000, days: 1);
        storage = new SQLiteStorage(Path.Combine(bench.Folder, "hangfire.db"), new SQLiteStorageOptions { JournalMode = SQLiteStorageOptions.JournalModes.WAL });
        GlobalConfiguration.Configuration.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
        scheduler = new HangfireDeadlineJobScheduler(new BackgroundJobClient(storage), storage);
        tracker = bench.Tracker(scheduler, new FixedClock(TrackingBench.Now));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        storage.Dispose();
        bench.Dispose();
    }

    [Benchmark(Description = "Schedule a case's two jobs in Hangfire SQLite storage")]
    public string ScheduleTwoJobs()
    {
        var at = DateTime.UtcNow.AddDays(2);
        scheduler.Schedule(caseId, SlaEventKind.AtRisk, at, at);
        return scheduler.Schedule(caseId++, SlaEventKind.Breached, at.AddHours(4), at.AddHours(4));
    }

    [Benchmark(Description = "Track a new case (read, derive, schedule both)")]
    public ReconciliationResult TrackNewCase() => tracker.TrackAsync(1 + (caseId++ % 10_000)).GetAwaiter().GetResult();
}
