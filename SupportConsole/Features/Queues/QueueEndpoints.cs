using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Cases;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Queues;

/// <summary><c>GET /api/queues/{queue}</c>: Tier 1's queue in arrival order, as agents see it (escalated cases have left it).</summary>
internal static class QueueEndpoints
{
    public static void MapQueueEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApi();
        api.MapGet("/queues/{queue}", async (string queue, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (!CaseQueueNames.TryParseApiName(queue, out var which))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["queue"] = [$"Unknown queue '{queue}': use priority or standard."] });
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var open = await db.Cases.AsNoTracking()
                .Where(SupportCase.IsInTier1Queue)
                .Where(c => c.Queue == which)
                .OrderBy(c => c.ArrivalSequence)
                .ToListAsync(cancellationToken);
            return Results.Ok(await CaseDto.ListAsync(db, open, clock.GetUtcNow(), cancellationToken));
        });
    }
}
