using Hangfire;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Staff;

namespace SupportConsole.Features.Escalations;

/// <summary>
/// Keeps the Tier 2-3 desk moving: a new escalation gets its pickup jobs at once; a freed engineer (hand-back, resolved
/// case) takes a waiting escalation; someone's new time off moves what they had not started.
/// </summary>
public sealed class EscalationSubscriptions(
    CaseChangeNotifier notifier,
    StaffRoster roster,
    EscalationClock escalations,
    IBackgroundJobClient jobs,
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    ILogger<EscalationSubscriptions> logger) : IDisposable
{
    private IDisposable? changes;
    private int started;

    public void Start()
    {
        if (Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }
        changes = notifier.SubscribeToThisInstance(OnChangeAsync);
        roster.TimeOffChanged += OnTimeOffChanged;
    }

    private async Task OnChangeAsync(CaseChange change)
    {
        if (change.Kind == CaseChangeKind.Escalated)
        {
            await ScheduleAsync(change.CaseId);
        }
        if (change.Kind is CaseChangeKind.Escalated or CaseChangeKind.StatusChanged)
        {
            await escalations.AssignWaitingAsync();
        }
        if (change.Kind == CaseChangeKind.CustomerMessage)
        {
            await escalations.CustomerRepliedAsync(change.CaseId);
        }
    }

    private async Task ScheduleAsync(long caseId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var open = await db.Escalations.AsNoTracking().Where(e => e.CaseId == caseId && e.EndedAtUtc == null && e.PickedUpAtUtc == null)
            .Select(e => new { e.Id, e.PickupAtRiskAtUtc, e.PickupDueAtUtc }).FirstOrDefaultAsync();
        if (open is null)
        {
            return;
        }
        if (open.PickupAtRiskAtUtc is { } risk)
        {
            jobs.Schedule<EscalationPickupJob>(j => j.RunAsync(open.Id), risk.AsInstant());
        }
        jobs.Schedule<EscalationPickupJob>(j => j.RunAsync(open.Id), open.PickupDueAtUtc.AsInstant().AddSeconds(1));
    }

    private void OnTimeOffChanged(string userId) => _ = Task.Run(async () =>
    {
        try
        {
            await escalations.ReassignUnstartedAsync(userId);
        }
        catch (Exception e)
        {
            // The minutely job assigns waiting ones anyway; a failure here only delays the move.
            logger.LogWarning(e, "Could not move {User}'s unstarted escalations", userId);
        }
    });

    public void Dispose()
    {
        changes?.Dispose();
        roster.TimeOffChanged -= OnTimeOffChanged;
    }
}
