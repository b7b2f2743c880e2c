namespace SupportConsole.Features.Dashboard;

/// <summary>
/// Runs a recompute at most once per <see cref="Interval"/> however many changes ask for one: the first request runs
/// at once (or when the interval since the last run ends), and every request until then joins that run. Time comes
/// from the injected clock, so tests drive it with a fake one.
/// </summary>
public sealed class RecomputeThrottle(Func<Task> recompute, TimeProvider clock, TimeSpan interval) : IDisposable
{
    private readonly Lock gate = new();
    private DateTimeOffset lastRun = DateTimeOffset.MinValue;
    private ITimer? timer;
    private bool scheduled;
    private bool disposed;

    public TimeSpan Interval => interval;

    /// <summary>Asks for a recompute; returns at once.</summary>
    public void Request()
    {
        lock (gate)
        {
            if (scheduled || disposed)
            {
                return;
            }
            scheduled = true;
            var wait = lastRun == DateTimeOffset.MinValue ? TimeSpan.Zero : lastRun + interval - clock.GetUtcNow();
            timer?.Dispose();
            timer = clock.CreateTimer(_ => _ = RunAsync(), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RunAsync()
    {
        lock (gate)
        {
            scheduled = false;
            lastRun = clock.GetUtcNow();
        }
        await recompute();
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
        }
    }
}
