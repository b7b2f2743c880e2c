using Microsoft.Extensions.Time.Testing;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Queues;

/// <summary>A Development app (demo agents and customers) on a clock fixed inside the Tier 1 window.</summary>
public sealed class QueueApp : IAsyncLifetime
{
    public static readonly DateTimeOffset WednesdayNine = new(2026, 11, 18, 15, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(WednesdayNine);
    public AppFactory App { get; }

    public QueueApp() => App = new AppFactory { Clock = Clock };

    public ValueTask InitializeAsync()
    {
        _ = App.Services; // start the host (migrations, demo data, calendar)
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
