using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Features.Customers;

/// <summary>
/// The routing directory built from every customer's plan, term and origination list, kept in memory so intake
/// does not read all customers per case. Anything that changes a customer calls <see cref="Invalidate"/>, which the
/// other instances on the same database hear over the <see cref="IChangeBus"/> and follow.
/// </summary>
public sealed class RoutingDirectoryCache : IDisposable
{
    /// <summary>The change bus topic of customer changes.</summary>
    public const string Topic = "directory";

    private readonly IDbContextFactory<SupportConsoleDbContext> dbFactory;
    private readonly ILogger<RoutingDirectoryCache> logger;
    private readonly IChangeBus bus;
    private readonly IDisposable remote;
    private readonly SemaphoreSlim gate = new(1, 1);
    private RoutingDirectory? directory;
    private long generation;

    public RoutingDirectoryCache(IDbContextFactory<SupportConsoleDbContext> dbFactory, ILogger<RoutingDirectoryCache> logger, IChangeBus? bus = null)
    {
        this.dbFactory = dbFactory;
        this.logger = logger;
        this.bus = bus ?? InProcessChangeBus.Instance;
        remote = this.bus.Subscribe(Topic, _ =>
        {
            Forget();
            return Task.CompletedTask;
        });
    }

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

    /// <summary>Forgets the directory here and on the other instances; a read already under way is not kept either.</summary>
    public void Invalidate()
    {
        Forget();
        bus.Publish(Topic, () => "");
    }

    public void Dispose() => remote.Dispose();

    private void Forget()
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
