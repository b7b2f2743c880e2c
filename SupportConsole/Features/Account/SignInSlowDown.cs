using System.Collections.Concurrent;

namespace SupportConsole.Features.Account;

/// <summary>
/// Slows password guessing against one account without ever locking the account: after
/// <see cref="SignInLimits.SlowDownAfterFailures"/> failures for an email within the window, every further attempt for
/// that email (from any client) is checked one at a time, each after a pause. A stranger can make the account slow to
/// guess but cannot keep its agent out, which Identity's lockout allowed. Failures are keyed by the typed email, known
/// account or not, so the slow-down does not tell which addresses exist.
/// </summary>
public sealed class SignInSlowDown(SignInLimits limits, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for this email's turn when it is being slowed down; null means the queue is too long right now (answer
    /// "try again in a minute"). Dispose the result once the attempt is decided.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(string email, CancellationToken cancellationToken)
    {
        if (!entries.TryGetValue(Key(email), out var entry) || !entry.IsSlowed(clock.GetUtcNow(), limits))
        {
            return Nothing.Instance;
        }
        if (!await entry.Gate.WaitAsync(limits.MaxQueueWait, cancellationToken))
        {
            return null;
        }
        // A real pause (not the app's clock, which tests may freeze): it is what makes guessing slow.
        await Task.Delay(limits.SlowDown, cancellationToken);
        return new Release(entry.Gate);
    }

    /// <summary>A correct password ends the slow-down for its email, as Identity resets its failure count.</summary>
    public void RecordSuccess(string email) => entries.TryRemove(Key(email), out _);

    public void RecordFailure(string email)
    {
        var now = clock.GetUtcNow();
        entries.GetOrAdd(Key(email), _ => new Entry()).Add(now, limits);
        if (entries.Count > 10_000)
        {
            // Forget emails with no recent failure so guessed addresses cannot grow the table without bound.
            foreach (var (key, stale) in entries)
            {
                if (!stale.HasRecentFailures(now, limits) && stale.Gate.CurrentCount == 1)
                {
                    entries.TryRemove(key, out _);
                }
            }
        }
    }

    private static string Key(string email) => email.Trim().ToUpperInvariant();

    private sealed class Entry
    {
        private readonly Queue<DateTimeOffset> failures = new();

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public void Add(DateTimeOffset at, SignInLimits limits)
        {
            lock (failures)
            {
                failures.Enqueue(at);
                Trim(at, limits);
            }
        }

        public bool IsSlowed(DateTimeOffset now, SignInLimits limits)
        {
            lock (failures)
            {
                Trim(now, limits);
                return failures.Count >= limits.SlowDownAfterFailures;
            }
        }

        public bool HasRecentFailures(DateTimeOffset now, SignInLimits limits)
        {
            lock (failures)
            {
                Trim(now, limits);
                return failures.Count > 0;
            }
        }

        private void Trim(DateTimeOffset now, SignInLimits limits)
        {
            while (failures.Count > 0 && (failures.Count > limits.SlowDownAfterFailures * 4 || failures.Peek() <= now - limits.SlowDownWindow))
            {
                failures.Dequeue();
            }
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }
}
