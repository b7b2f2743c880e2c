using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Reports;
using SupportConsole.Features.Calendar;

namespace SupportConsole.Features.Reports;

/// <summary>
/// Fills the report's stored columns on cases written before they existed (or by a path that skipped them): the
/// Central due date and the response's Tier 1 business seconds. Runs at start-up after the holidays are loaded; a
/// no-op once every case has them, so safe to repeat.
/// </summary>
public sealed class SlaReportBackfill(IDbContextFactory<SupportConsoleDbContext> dbFactory, BusinessCalendar calendar, ILogger<SlaReportBackfill> logger)
{
    private const int Batch = 2000;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var filled = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var cases = await db.Cases
                .Where(c => (c.FirstResponseDueAtUtc != null && c.FirstResponseDueLocalDate == null)
                    || (c.FirstRespondedAtUtc != null && c.FirstResponseBusinessSeconds == null))
                .OrderBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
            if (cases.Count == 0)
            {
                break;
            }
            var current = calendar.Current;
            foreach (var c in cases)
            {
                if (c.FirstResponseDueAtUtc is { } due)
                {
                    c.FirstResponseDueLocalDate = SlaReportRules.ReportDateOf(due.AsInstant());
                }
                if (c.FirstRespondedAtUtc is { } responded)
                {
                    c.FirstResponseBusinessSeconds = SlaReportRules.ResponseBusinessSeconds(current, c.ClockStartsAtUtc.AsInstant(), responded.AsInstant());
                }
            }
            // Not a desk change: the version (the agents' concurrency token) stays as it is.
            await db.SaveChangesAsync(cancellationToken);
            filled += cases.Count;
        }
        if (filled > 0)
        {
            logger.LogInformation("Filled the SLA report columns of {Count} cases", filled);
        }
        return filled;
    }
}
