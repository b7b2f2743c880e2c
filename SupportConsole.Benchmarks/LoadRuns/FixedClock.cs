namespace SupportConsole.Benchmarks.LoadRuns;

/// <summary>A clock standing still at one instant, so every measured run reads the same figures.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
