using BenchmarkDotNet.Attributes;
using SupportConsole.Features.Sla;

namespace SupportConsole.Benchmarks;

/// <summary>
/// One reconciliation pass over 100,000 open priority cases received over the last 10 days (so about half are past
/// due): the first pass records every crossed threshold; a steady pass (the recurring one) re-derives every deadline,
/// finds nothing moved and nothing new, and schedules only jobs inside its horizon that are missing.
/// </summary>
[MemoryDiagnoser]
public class ReconciliationBenchmarks
{
    private const int OpenCases = 100_000;
    private TrackingBench bench = null!;
    private DeadlineTracker tracker = null!;

    [GlobalSetup]
    public void Setup()
    {
        bench = TrackingBench.Create();
        bench.InsertOpenCases(OpenCases, days: 10);
        tracker = bench.Tracker(new InMemoryScheduler(), new FixedClock(TrackingBench.Now));
        var first = tracker.ReconcileAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// First pass over {OpenCases} cases: {first}");
    }

    [GlobalCleanup]
    public void Cleanup() => bench.Dispose();

    [Benchmark(Description = "Steady reconciliation pass, 100k open cases")]
    public ReconciliationResult SteadyPass() => tracker.ReconcileAsync().GetAwaiter().GetResult();
}
