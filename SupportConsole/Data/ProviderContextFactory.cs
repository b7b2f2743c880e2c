using Microsoft.EntityFrameworkCore;

namespace SupportConsole.Data;

/// <summary>Hands out a provider's own context type wherever the app asks for <see cref="SupportConsoleDbContext"/>.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<SupportConsoleDbContext>
    where TContext : SupportConsoleDbContext
{
    public SupportConsoleDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<SupportConsoleDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
