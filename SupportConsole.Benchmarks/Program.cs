using BenchmarkDotNet.Running;
using SupportConsole.Benchmarks.LoadRuns;

namespace SupportConsole.Benchmarks;

/// <summary>Namespaced, because the web app already has a global <c>Program</c>.</summary>
public static class Program
{
    /// <summary>BenchmarkDotNet benchmarks, or a load run against a running app when the first argument names one.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && LoadRun.TryFind(args[0]) is { } run)
        {
            return await run(args[1..]);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
