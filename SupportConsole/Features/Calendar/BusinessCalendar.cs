using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Features.Calendar;

/// <summary>
/// The one tier calendar every page, job and endpoint shares: an immutable <see cref="TierCalendar"/> snapshot
/// rebuilt (in well under a millisecond for a holiday edit) whenever the holidays change, then swapped in whole.
/// </summary>
public sealed class BusinessCalendar(IDbContextFactory<SupportConsoleDbContext> dbFactory, CalendarOptions options)
{
    private TierCalendar current = TierCalendar.Create(options.Tier1, options.Tier23, []);

    public TierCalendar Current => Volatile.Read(ref current);

    public SlaPolicies Policies { get; } = options.Policies;

    /// <summary>The Tier 2-3 pickup clock of escalations (<c>Sla:EscalationPickupHours</c>).</summary>
    public PickupPolicy Pickup { get; } = options.Pickup;

    /// <summary>Tier 1's hours as customer mail and pages quote them, from the configured window.</summary>
    public string Tier1HoursForCustomers => $"Monday to Friday, {Current.Tier1Hours.ForCustomers()} US Central time, except US holidays";

    /// <summary>Raised after a holiday change swapped in a new snapshot; open cases re-derive their deadlines from it.</summary>
    public event Func<TierCalendar, Task>? Changed;

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var holidays = await db.Holidays.AsNoTracking().Select(h => new Holiday(h.Date, h.Name)).ToListAsync(cancellationToken);
        var fresh = TierCalendar.Create(options.Tier1, options.Tier23, holidays);
        Volatile.Write(ref current, fresh);
        if (Changed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<TierCalendar, Task>>())
            {
                await handler(fresh);
            }
        }
    }
}
