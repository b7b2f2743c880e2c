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

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
