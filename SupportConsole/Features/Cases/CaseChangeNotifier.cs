using System.Collections.Immutable;

namespace SupportConsole.Features.Cases;

/// <summary>
/// The one in-process notifier every live page listens to: intake, agents, the API and jobs publish here after
/// they commit, and queue and case pages subscribe on open and leave on dispose (as eShop's order status
/// notifications do). Handlers run without holding up the publisher; a failing handler is logged, not rethrown.
/// </summary>
public sealed class CaseChangeNotifier(ILogger<CaseChangeNotifier> logger)
{
    private ImmutableArray<Func<CaseChange, Task>> handlers = [];

    public int SubscriberCount => handlers.Length;

    public IDisposable Subscribe(Func<CaseChange, Task> handler)
    {
        ImmutableInterlocked.Update(ref handlers, h => h.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref handlers, h => h.Remove(handler)));
    }

    public void Publish(CaseChange change)
    {
        foreach (var handler in handlers)
        {
            _ = RunAsync(handler, change);
        }
    }

    private async Task RunAsync(Func<CaseChange, Task> handler, CaseChange change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A subscriber failed on {Kind} of case {Number}", change.Kind, change.Number);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
