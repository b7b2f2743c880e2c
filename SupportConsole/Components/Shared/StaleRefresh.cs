namespace SupportConsole.Components.Shared;

/// <summary>
/// A live page's background refresh that failed because the database did not answer. The page keeps what it shows
/// (and whatever the agent is typing), says it may be out of date (<see cref="StaleNotice"/>), and tries again every
/// <see cref="Interval"/> until a refresh succeeds or the page goes; "Refresh now" tries at once. One instance per page,
/// used on the page's renderer.
/// </summary>
public sealed class StaleRefresh(TimeProvider clock, CancellationToken pageGone)
{
    /// <summary>How long a page waits between attempts to read again what it shows.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private int retrying;

    /// <summary>The last refresh failed: what the page shows may be out of date.</summary>
    public bool IsStale { get; private set; }

    /// <summary>
    /// Marks the page stale and, unless it already is, starts retrying <paramref name="refresh"/>: it must read again on
    /// the page's renderer, call <see cref="Succeeded"/> when that worked, and not throw.
    /// </summary>
    public void Failed(Func<Task> refresh)
    {
        IsStale = true;
        _ = RetryAsync(refresh);
    }

    /// <summary>A refresh worked: the page is current again and the retries stop.</summary>
    public void Succeeded() => IsStale = false;

    /// <summary>
    /// Runs <paramref name="load"/> (on the page's renderer). When it works the page is current again; when it throws,
    /// and the page is still there, the failure is logged, the page is marked stale and <paramref name="retry"/> is
    /// tried every <see cref="Interval"/>. Never throws; false when the load failed.
    /// </summary>
    public async Task<bool> TryAsync(Func<Task> load, Func<Task> retry, ILogger logger, string what)
    {
        try
        {
            await load();
            Succeeded();
            return true;
        }
        catch (Exception e)
        {
            if (!pageGone.IsCancellationRequested)
            {
                logger.LogWarning(e, "{What} could not be read again; the page keeps what it shows and tries again every {Seconds} s", what, Interval.TotalSeconds);
                Failed(retry);
            }
            return false;
        }
    }

    private async Task RetryAsync(Func<Task> refresh)
    {
        if (Interlocked.Exchange(ref retrying, 1) == 1)
        {
            return;
        }
        try
        {
            while (IsStale && !pageGone.IsCancellationRequested)
            {
                await Task.Delay(Interval, clock, pageGone);
                await refresh();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Volatile.Write(ref retrying, 0);
        }
        if (IsStale && !pageGone.IsCancellationRequested)
        {
            _ = RetryAsync(refresh); // a new failure came in while this loop was ending
        }
    }
}
