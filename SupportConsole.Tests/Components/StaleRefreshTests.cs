using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Components.Shared;

namespace SupportConsole.Tests.Components;

/// <summary>The retry behind a live page's "Live updates are paused" notice, on a fake clock.</summary>
public sealed class StaleRefreshTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 18, 15, 0, 0, TimeSpan.Zero));
    private readonly CancellationTokenSource pageGone = new();

    /// <summary>A refresh that fails while <see cref="Down"/> and signals every attempt.</summary>
    private sealed class Database
    {
        public bool Down { get; set; } = true;
        public SemaphoreSlim Attempted { get; } = new(0);

        public Task LoadAsync()
        {
            Attempted.Release();
            return Down ? Task.FromException(new TimeoutException("down")) : Task.CompletedTask;
        }
    }

    private static Task<bool> Attempt(SemaphoreSlim attempted) => attempted.WaitAsync(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_failed_load_marks_the_page_stale_and_retries_every_interval_until_a_load_works()
    {
        var refresh = new StaleRefresh(clock, pageGone.Token);
        var database = new Database();
        Task Retry() => refresh.TryAsync(database.LoadAsync, Retry, NullLogger.Instance, "Test");

        Assert.False(await refresh.TryAsync(database.LoadAsync, Retry, NullLogger.Instance, "Test"));
        Assert.True(await Attempt(database.Attempted));
        Assert.True(refresh.IsStale);

        // Nothing is tried before the interval is up.
        clock.Advance(StaleRefresh.Interval - TimeSpan.FromSeconds(1));
        Assert.False(database.Attempted.Wait(0));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Attempt(database.Attempted)); // still down: stays stale, tries again an interval later
        Assert.True(refresh.IsStale);

        database.Down = false;
        clock.Advance(StaleRefresh.Interval);
        Assert.True(await Attempt(database.Attempted));
        await WaitUntil(() => !refresh.IsStale);

        // Current again: no more attempts.
        clock.Advance(StaleRefresh.Interval * 3);
        Assert.False(database.Attempted.Wait(0));
    }

    [Fact]
    public async Task A_load_that_works_leaves_the_page_current_and_a_page_that_went_stops_retrying()
    {
        var refresh = new StaleRefresh(clock, pageGone.Token);
        var database = new Database { Down = false };
        Task Retry() => refresh.TryAsync(database.LoadAsync, Retry, NullLogger.Instance, "Test");

        Assert.True(await refresh.TryAsync(database.LoadAsync, Retry, NullLogger.Instance, "Test"));
        Assert.False(refresh.IsStale);
        Assert.True(await Attempt(database.Attempted));

        database.Down = true;
        Assert.False(await refresh.TryAsync(database.LoadAsync, Retry, NullLogger.Instance, "Test"));
        Assert.True(await Attempt(database.Attempted));
        await pageGone.CancelAsync();
        clock.Advance(StaleRefresh.Interval * 3);
        Assert.False(database.Attempted.Wait(0));

        // A failure after the page went is not even marked: nobody is there to read it.
        var gone = new StaleRefresh(clock, pageGone.Token);
        Assert.False(await gone.TryAsync(database.LoadAsync, Retry, NullLogger.Instance, "Test"));
        Assert.False(gone.IsStale);
    }

    /// <summary>The retry's last step (clearing the mark) runs on the timer's thread: wait for it, not for time.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
