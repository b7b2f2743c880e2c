using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Features.Calendar;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Calendar;

/// <summary>
/// A real host whose clock says mid-2026, so the federal holidays of 2026–2028 are seeded (Thanksgiving 2026-11-26,
/// Christmas 2026-12-25). bUnit tests borrow its <see cref="BusinessCalendar"/>: the calendar is sealed and loads its
/// holidays from the database, so a host is the honest way to get one with holidays in it.
/// </summary>
public sealed class SeededCalendarFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)) };

    public BusinessCalendar Calendar => App.Services.GetRequiredService<BusinessCalendar>();

    public ValueTask InitializeAsync()
    {
        _ = App.Services; // starts the host: migrates, seeds, loads the calendar
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
