namespace SupportConsole.Benchmarks.LoadRuns;

/// <summary>Load runs drive a running SupportConsole over its real interfaces (HTTP, SMTP) and print what they measured.</summary>
internal static class LoadRun
{
    public static Func<string[], Task<int>>? TryFind(string name) => name switch
    {
        "intake-load" => IntakeLoadRun.RunAsync,
        "sla-report" => SlaReportLoadRun.RunAsync,
        "case-search" => CaseSearchLoadRun.RunAsync,
        _ => null,
    };

    public static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    /// <summary>Runs an action once to warm up, then <paramref name="runs"/> times, and prints p50, p95 and the slowest run.</summary>
    public static async Task MeasureAsync(string name, int runs, Func<Task> action)
    {
        await action(); // warm-up: connection pool, query plans, page cache
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            await action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name}: p50 {Percentile(times, 0.50):N1} ms, p95 {Percentile(times, 0.95):N1} ms, max {times[^1]:N1} ms ({runs} runs)");
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
