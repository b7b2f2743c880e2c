using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Features.Calendar;

/// <summary>
/// The one tier calendar every page, job and endpoint shares: an immutable <see cref="TierCalendar"/> snapshot
/// rebuilt (in well under a millisecond for a holiday edit) whenever the holidays change, then swapped in whole. A
/// change on one instance reaches the others over the <see cref="IChangeBus"/>: they rebuild their snapshot too, and
/// leave re-deriving the deadlines to the instance that made the change.
/// </summary>
public sealed class BusinessCalendar : IDisposable
{
    /// <summary>The change bus topic of holiday changes.</summary>
    public const string Topic = "holidays";

    private readonly IDbContextFactory<SupportConsoleDbContext> dbFactory;
    private readonly CalendarOptions options;
    private readonly IChangeBus bus;
    private readonly IDisposable remote;
    private TierCalendar current;

    public BusinessCalendar(IDbContextFactory<SupportConsoleDbContext> dbFactory, CalendarOptions options, IChangeBus? bus = null)
    {
        this.dbFactory = dbFactory;
        this.options = options;
        this.bus = bus ?? InProcessChangeBus.Instance;
        current = TierCalendar.Create(options.Tier1, options.Tier23, []);
        Policies = options.Policies;
        Pickup = options.Pickup;
        remote = this.bus.Subscribe(Topic, _ => LoadAsync(CancellationToken.None));
    }

    public TierCalendar Current => Volatile.Read(ref current);

    public SlaPolicies Policies { get; }

    /// <summary>The Tier 2-3 pickup clock of escalations (<c>Sla:EscalationPickupHours</c>).</summary>
    public PickupPolicy Pickup { get; }

    /// <summary>Tier 1's hours as customer mail and pages quote them, from the configured window.</summary>
    public string Tier1HoursForCustomers => $"Monday to Friday, {Current.Tier1Hours.ForCustomers()} US Central time, except US holidays";

    /// <summary>Raised after a holiday change swapped in a new snapshot; open cases re-derive their deadlines from it.</summary>
    public event Func<TierCalendar, Task>? Changed;

    /// <summary>Reads the holidays again after a change made here; tells the other instances and this one's listeners.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var fresh = await LoadAsync(cancellationToken);
        bus.Publish(Topic, () => "");
        if (Changed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<TierCalendar, Task>>())
            {
                await handler(fresh);
            }
        }
    }

    public void Dispose() => remote.Dispose();

    private async Task<TierCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var holidays = await db.Holidays.AsNoTracking().Select(h => new Holiday(h.Date, h.Name)).ToListAsync(cancellationToken);
        var fresh = TierCalendar.Create(options.Tier1, options.Tier23, holidays);
        Volatile.Write(ref current, fresh);
        return fresh;
    }
}
