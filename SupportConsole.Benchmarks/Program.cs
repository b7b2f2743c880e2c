using BenchmarkDotNet.Running;

namespace SupportConsole.Benchmarks;

/// <summary>Namespaced, because the web app already has a global <c>Program</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
