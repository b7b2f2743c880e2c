using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Plans;

namespace SupportConsole.Features.Admin;

/// <summary>
/// Demo customers for a newcomer's first look (<c>Demo:Seed</c>, on in Development). Runs only on a desk
/// with no customers yet, so it never touches a database that already holds real data.
/// </summary>
internal sealed class DemoData(IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock, ILogger<DemoData> logger)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Customers.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        // Central dates are never more than 6 hours behind UTC; good enough for demo term dates.
        var today = DateOnly.FromDateTime(now.UtcDateTime.AddHours(-6));
        db.Customers.AddRange(
            new Customer
            {
                Name = "Acme Corp",
                Plan = SupportPlan.ProPlus,
                TermStart = today.AddMonths(-6),
                TermEnd = today.AddMonths(6),
                PrimaryContactName = "Ann Archer",
                PrimaryContactEmail = "ann@acme.example",
                PrimaryContactPhone = "+1 312 555 0101",
                HelpdeskPhone = "+1 800 555 0199",
                CreatedAtUtc = now.UtcDateTime,
                OriginationList = [new() { Value = "acme.example" }, new() { Value = "ops@acme-partners.example" }],
            },
            new Customer
            {
                Name = "Globex",
                Plan = SupportPlan.ProPlus,
                TermStart = today.AddYears(-1).AddDays(-26),
                TermEnd = today.AddDays(-26),
                PrimaryContactName = "Hank Scorpio",
                PrimaryContactEmail = "hank@globex.example",
                PrimaryContactPhone = "+1 312 555 0102",
                HelpdeskPhone = "+1 800 555 0198",
                CreatedAtUtc = now.UtcDateTime,
                OriginationList = [new() { Value = "globex.example" }],
            },
            new Customer
            {
                Name = "Hooli",
                Plan = SupportPlan.FreeSupport,
                TermStart = today.AddMonths(-2),
                TermEnd = today.AddMonths(10),
                PrimaryContactName = "Gavin Belson",
                PrimaryContactEmail = "gavin@hooli.example",
                PrimaryContactPhone = "+1 650 555 0103",
                CreatedAtUtc = now.UtcDateTime,
                OriginationList = [new() { Value = "hooli.example" }],
            });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo customers Acme Corp (Pro Plus), Globex (term ended) and Hooli (Free Support)");
        return true;
    }
}
