using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SupportConsole.Data;

/// <summary>Healthy when the database answers a query (for load balancers: an instance that cannot reach it is taken out).</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<SupportConsoleDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // A real read of a small table, not only a connection: a database without the app's schema is not healthy.
            _ = await db.SequenceCounters.AsNoTracking().CountAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
