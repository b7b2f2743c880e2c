using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Customers;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Customers;

/// <summary>One host whose database the race test reads and writes.</summary>
public sealed class RoutingCacheRaceApp() : SharedApp;

/// <summary>
/// The race the routing cache must not lose: a directory read that ran before a customer save committed is never kept
/// once the save invalidated the cache. The read is held, by an interceptor, between its query and its return.
/// </summary>
public sealed class RoutingCacheRaceTests(RoutingCacheRaceApp shared) : IClassFixture<RoutingCacheRaceApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await shared.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Holds the first customer query after it read its rows, until released.</summary>
    private sealed class HoldAfterRead : DbCommandInterceptor
    {
        private int held;
        public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            // Every row is read by now: the save below commits while this read is still "in flight".
            if (command.CommandText.Contains("\"Customers\"", StringComparison.Ordinal) && Interlocked.Exchange(ref held, 1) == 0)
            {
                Read.TrySetResult();
                await Release.Task;
            }
            return result;
        }
    }

    private sealed class Factory(Func<SupportConsoleDbContext> create) : IDbContextFactory<SupportConsoleDbContext>
    {
        public SupportConsoleDbContext CreateDbContext() => create();
    }

    /// <summary>Contexts on the app's own database and provider, with the interceptor added.</summary>
    private Factory HeldFactory(HoldAfterRead hold)
    {
        var services = shared.App.Services;
        if (TestDatabase.IsPostgreSql)
        {
            var postgres = new DbContextOptionsBuilder<PostgreSqlDbContext>(services.GetRequiredService<DbContextOptions<PostgreSqlDbContext>>()).AddInterceptors(hold).Options;
            return new Factory(() => new PostgreSqlDbContext(postgres));
        }
        var sqlite = new DbContextOptionsBuilder<SupportConsoleDbContext>(services.GetRequiredService<DbContextOptions<SupportConsoleDbContext>>()).AddInterceptors(hold).Options;
        return new Factory(() => new SupportConsoleDbContext(sqlite));
    }

    [Fact]
    public async Task A_read_overtaken_by_a_customer_save_is_used_once_but_never_kept()
    {
        var hold = new HoldAfterRead();
        var cache = new RoutingDirectoryCache(HeldFactory(hold), NullLogger<RoutingDirectoryCache>.Instance);
        var appFactory = shared.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>();
        EmailAddress.TryParse("ops@racer.example", out var sender, out _);
        var today = new DateOnly(2026, 12, 1);

        var reading = cache.GetAsync();
        await hold.Read.Task;
        await using (var db = await appFactory.CreateDbContextAsync())
        {
            var acme = await db.Customers.SingleAsync(c => c.Name == "Acme Corp");
            db.OriginationListEntries.Add(new OriginationListEntry { CustomerId = acme.Id, Value = "racer.example" });
            await db.SaveChangesAsync();
        }
        cache.Invalidate(); // what every customer save does after its commit
        hold.Release.SetResult();
        var stale = await reading;

        Assert.Equal(CaseQueue.Standard, stale.Route(sender, today).Queue); // the read saw the list before the save
        var next = await cache.GetAsync();
        Assert.NotSame(stale, next);
        Assert.Equal(CaseQueue.Priority, next.Route(sender, today).Queue);
    }
}
