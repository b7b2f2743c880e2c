using Microsoft.Extensions.Time.Testing;

namespace SupportConsole.Tests.Infrastructure;

/// <summary>
/// The clock of a host shared by several tests: a <see cref="FakeTimeProvider"/> that each test replaces with a fresh one
/// at its own start instant (a FakeTimeProvider cannot go back in time). The app sees this provider; tests use
/// <see cref="Current"/>. Timers created before a <see cref="Reset"/> stay on the old clock and never fire again.
/// </summary>
public sealed class ResettableClock(DateTimeOffset start) : TimeProvider
{
    private FakeTimeProvider current = new(start);

    public FakeTimeProvider Current => Volatile.Read(ref current);

    public void Reset(DateTimeOffset start) => Volatile.Write(ref current, new FakeTimeProvider(start));

    public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;

    public override long TimestampFrequency => Current.TimestampFrequency;

    public override long GetTimestamp() => Current.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Current.CreateTimer(callback, state, dueTime, period);
}
