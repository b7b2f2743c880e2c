using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Cases;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Queues;

/// <summary>Both Tier 1 queues at one moment, each in arrival order; immutable, so every page can hold it.</summary>
public sealed record QueueSnapshot(ImmutableList<QueueRow> Priority, ImmutableList<QueueRow> Standard, ImmutableDictionary<long, QueueRow> ById, long Version)
{
    public static QueueSnapshot Empty { get; } = new([], [], ImmutableDictionary<long, QueueRow>.Empty, 0);

    public ImmutableList<QueueRow> Of(CaseQueue queue) => queue == CaseQueue.Priority ? Priority : Standard;
}
