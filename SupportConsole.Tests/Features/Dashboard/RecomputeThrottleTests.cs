using Microsoft.Extensions.Time.Testing;
using SupportConsole.Features.Dashboard;

namespace SupportConsole.Tests.Features.Dashboard;

public sealed class RecomputeThrottleTests
{
    [Fact]
    public void A_burst_of_changes_recomputes_once_at_once_and_once_more_a_second_later()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));
        var runs = new List<DateTimeOffset>();
        using var throttle = new RecomputeThrottle(() =>
        {
            runs.Add(clock.GetUtcNow());
            return Task.CompletedTask;
        }, clock, TimeSpan.FromSeconds(1));

        throttle.Request();
        clock.Advance(TimeSpan.Zero);
        for (var i = 0; i < 50; i++)
        {
            throttle.Request();
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        // Fifty-one changes within half a second: one run at once, one when the second is up, none after.
        Assert.Equal([clock.Start, clock.Start.AddSeconds(1)], runs);
    }

    [Fact]
    public void Without_changes_nothing_is_recomputed()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        using var throttle = new RecomputeThrottle(() =>
        {
            runs++;
            return Task.CompletedTask;
        }, clock, TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, runs);
    }

    [Fact]
    public void Changes_spaced_more_than_a_second_apart_each_recompute_at_once()
    {
        var clock = new FakeTimeProvider();
        var runs = new List<DateTimeOffset>();
        using var throttle = new RecomputeThrottle(() =>
        {
            runs.Add(clock.GetUtcNow());
            return Task.CompletedTask;
        }, clock, TimeSpan.FromSeconds(1));

        throttle.Request();
        clock.Advance(TimeSpan.FromSeconds(3));
        throttle.Request();
        clock.Advance(TimeSpan.Zero);

        Assert.Equal([clock.Start, clock.Start.AddSeconds(3)], runs);
    }
}
