using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Features.Customers;

/// <summary>
/// The routing directory built from every customer's plan, term and origination list, kept in memory so intake
/// does not read all customers per case. Anything that changes a customer calls <see cref="Invalidate"/>.
/// </summary>
public sealed class RoutingDirectoryCache(IDbContextFactory<SupportConsoleDbContext> dbFactory, ILogger<RoutingDirectoryCache> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private RoutingDirectory? directory;
    private long generation;

    public async Task<RoutingDirectory> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref directory) is { } ready)
        {
            return ready;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (directory is not null)
            {
                return directory;
            }
            var readAt = Interlocked.Read(ref generation);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var customers = await db.Customers.AsNoTracking().Include(c => c.OriginationList).OrderBy(c => c.Id).ToListAsync(cancellationToken);
            var built = new RoutingDirectory([.. customers.Select(ToProfile)]);
            // A save that committed while this read ran invalidated it: use what was read once, but never keep it.
            if (Interlocked.Read(ref generation) == readAt)
            {
                Volatile.Write(ref directory, built);
            }
            return built;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the directory; a read already under way when this is called is not kept either.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref directory, null);
    }

    internal CustomerRoutingProfile ToProfile(Customer customer)
    {
        var entries = new List<OriginationEntry>();
        foreach (var stored in customer.OriginationList)
        {
            if (OriginationEntry.TryParse(stored.Value, out var entry, out var error))
            {
                entries.Add(entry);
            }
            else
            {
                logger.LogWarning("Origination entry '{Value}' of {Customer} is not valid and is ignored: {Error}", stored.Value, customer.Name, error);
            }
        }
        return new CustomerRoutingProfile(customer.Id, customer.Name, customer.Plan, customer.TermStart, customer.TermEnd, OriginationList.Create(entries));
    }
}
