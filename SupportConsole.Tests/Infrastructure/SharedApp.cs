using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace SupportConsole.Tests.Infrastructure;

/// <summary>
/// One host for a whole test class (use a sealed subclass as its IClassFixture). A test that needs a clean state calls
/// <see cref="ResetAsync"/> first: the database goes back to how start-up left it and, when the host runs on a fake
/// clock, the test gets a fresh one at the start instant (or its own). Tests that need other settings, another
/// environment or a restart on the same files keep their own <see cref="AppFactory"/>.
/// </summary>
public abstract class SharedApp : IAsyncLifetime
{
    private readonly ResettableClock? clock;
    private readonly DateTimeOffset start;

    /// <param name="start">The fake clock's start instant for every test; null runs the host on the system clock.</param>
    protected SharedApp(DateTimeOffset? start = null, string environment = "Development", IDictionary<string, string?>? settings = null)
    {
        if (start is { } at)
        {
            this.start = at;
            clock = new ResettableClock(at);
        }
        App = new AppFactory(environment, settings)
        {
            ConfigureServices = clock is null ? null : services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
        };
    }

    public AppFactory App { get; }

    /// <summary>The current test's fake clock; only for a host made with a start instant.</summary>
    public FakeTimeProvider Clock => clock?.Current ?? throw new InvalidOperationException("This host runs on the system clock.");

    public async Task ResetAsync(DateTimeOffset? startAt = null)
    {
        clock?.Reset(startAt ?? start);
        await App.ResetAsync();
    }

    public ValueTask InitializeAsync() => new(App.ResetAsync()); // starts the host and keeps its fresh database aside

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return App.DisposeAsync();
    }
}
