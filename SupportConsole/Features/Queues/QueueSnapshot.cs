using System.Collections.Immutable;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Queues;

/// <summary>Both Tier 1 queues at one moment, each in arrival order; immutable, so every page can hold it.</summary>
public sealed record QueueSnapshot(ImmutableList<QueueRow> Priority, ImmutableList<QueueRow> Standard, ImmutableDictionary<long, QueueRow> ById, long Version)
{
    public static QueueSnapshot Empty { get; } = new([], [], ImmutableDictionary<long, QueueRow>.Empty, 0);

    public ImmutableList<QueueRow> Of(CaseQueue queue) => queue == CaseQueue.Priority ? Priority : Standard;
}
