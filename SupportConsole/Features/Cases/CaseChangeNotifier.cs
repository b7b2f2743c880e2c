using System.Collections.Immutable;
using System.Text.Json;
using SupportConsole.Data;

namespace SupportConsole.Features.Cases;

/// <summary>
/// The notifier every live page listens to: intake, agents, the API and jobs publish here after they commit, and queue
/// and case pages subscribe on open and leave on dispose (as eShop's order status notifications do). With several
/// instances on one database, each change also goes out on the <see cref="IChangeBus"/>, and changes made on the other
/// instances arrive here for the pages (<see cref="Subscribe"/>), though not for work that must happen once, which the
/// instance that made the change does (<see cref="SubscribeToThisInstance"/>). Handlers run without holding up the
/// publisher; a failing handler is logged, not rethrown.
/// </summary>
public sealed class CaseChangeNotifier : IDisposable
{
    /// <summary>The change bus topic of case changes.</summary>
    public const string Topic = "case";

    private readonly ILogger<CaseChangeNotifier> logger;
    private readonly IChangeBus bus;
    private readonly TimeProvider clock;
    private readonly IDisposable remote;
    private ImmutableArray<Func<CaseChange, Task>> everywhere = [];
    private ImmutableArray<Func<CaseChange, Task>> local = [];

    public CaseChangeNotifier(ILogger<CaseChangeNotifier> logger, IChangeBus? bus = null, TimeProvider? clock = null)
    {
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
        this.bus = bus ?? InProcessChangeBus.Instance;
        remote = this.bus.Subscribe(Topic, OnRemoteAsync);
    }

    public int SubscriberCount => everywhere.Length + local.Length;

    /// <summary>Hears every change, made on this instance or another: for what people see.</summary>
    public IDisposable Subscribe(Func<CaseChange, Task> handler)
    {
        ImmutableInterlocked.Update(ref everywhere, h => h.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref everywhere, h => h.Remove(handler)));
    }

    /// <summary>Hears only the changes made on this instance: for work done once per change (jobs, assignment).</summary>
    public IDisposable SubscribeToThisInstance(Func<CaseChange, Task> handler)
    {
        ImmutableInterlocked.Update(ref local, h => h.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref local, h => h.Remove(handler)));
    }

    public void Publish(CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var handler in local)
        {
            _ = RunAsync(handler, change);
        }
        foreach (var handler in everywhere)
        {
            _ = RunAsync(handler, change);
        }
        bus.Publish(Topic, () => JsonSerializer.Serialize(change));
    }

    public void Dispose() => remote.Dispose();

    private Task OnRemoteAsync(string? payload)
    {
        // A null payload: the bus may have missed changes; the views read every open case again.
        var change = payload is null
            ? CaseChange.ForAllCases(CaseChangeKind.DeadlinesMoved, clock.GetUtcNow())
            : JsonSerializer.Deserialize<CaseChange>(payload);
        if (change is not null)
        {
            foreach (var handler in everywhere)
            {
                _ = RunAsync(handler, change);
            }
        }
        return Task.CompletedTask;
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
