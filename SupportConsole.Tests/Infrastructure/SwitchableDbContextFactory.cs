using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;

namespace SupportConsole.Tests.Infrastructure;

/// <summary>Hands out the app's real contexts or, while <see cref="Failing"/>, fails as a database that does not answer would.</summary>
public sealed class SwitchableDbContextFactory(IDbContextFactory<SupportConsoleDbContext> inner) : IDbContextFactory<SupportConsoleDbContext>
{
    private int attempts;
    private volatile bool failing;

    public bool Failing
    {
        get => failing;
        set => failing = value;
    }

    /// <summary>How many contexts were asked for, failed or not.</summary>
    public int Attempts => Volatile.Read(ref attempts);

    public SupportConsoleDbContext CreateDbContext()
    {
        Interlocked.Increment(ref attempts);
        return failing ? throw Unanswered() : inner.CreateDbContext();
    }

    public Task<SupportConsoleDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref attempts);
        return failing ? Task.FromException<SupportConsoleDbContext>(Unanswered()) : inner.CreateDbContextAsync(cancellationToken);
    }

    private static TimeoutException Unanswered() => new("The database did not answer (test).");
}
