using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.Staff;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Escalations;

/// <summary>
/// The Tier 2-3 pickup clock and the escalations that wait: records each pickup at-risk and breach once (whichever
/// job or instance gets there first), alerts the assignee, their tier and managers — never Tier 1, who no longer
/// sees the case — and assigns waiting escalations when someone frees up or goes on leave.
/// </summary>
public sealed class EscalationClock(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    CaseDesk desk,
    NotificationCentre notifications,
    TimeProvider clock,
    ILogger<EscalationClock> logger)
{
    public const string AtRiskKind = "pickup-at-risk";
    public const string BreachKind = "pickup-breached";

    /// <summary>Records every pickup crossing due by now (one escalation, or all when <paramref name="escalationId"/> is null); returns how many were recorded.</summary>
    public async Task<int> RecordDueAsync(long? escalationId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        var at = now.UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = db.Escalations.Where(e => e.EndedAtUtc == null && e.PickedUpAtUtc == null && (escalationId == null || e.Id == escalationId));
        var dueRisk = await open.Where(e => e.PickupAtRiskRecordedAtUtc == null && e.PickupAtRiskAtUtc <= at && e.PickupDueAtUtc >= at).Select(e => e.Id).ToListAsync(cancellationToken);
        var dueBreach = await open.Where(e => e.PickupBreachRecordedAtUtc == null && e.PickupDueAtUtc < at).Select(e => e.Id).ToListAsync(cancellationToken);
        var recorded = 0;
        foreach (var id in dueRisk)
        {
            // The conditional update decides who records it: a second job or instance finds nothing to update.
            if (await db.Escalations.Where(e => e.Id == id && e.PickupAtRiskRecordedAtUtc == null && e.PickedUpAtUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.PickupAtRiskRecordedAtUtc, at), cancellationToken) == 1)
            {
                recorded++;
                await AlertAsync(db, id, AtRiskKind, now, cancellationToken);
            }
        }
        foreach (var id in dueBreach)
        {
            if (await db.Escalations.Where(e => e.Id == id && e.PickupBreachRecordedAtUtc == null && e.PickedUpAtUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.PickupBreachRecordedAtUtc, at), cancellationToken) == 1)
            {
                recorded++;
                await AlertAsync(db, id, BreachKind, now, cancellationToken);
            }
        }
        return recorded;
    }

    /// <summary>Assigns escalations nobody could take when they came (everyone was at capacity), now that someone may be free.</summary>
    public async Task<int> AssignWaitingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var waiting = await db.Escalations.AsNoTracking().Where(e => e.EndedAtUtc == null && e.AssigneeId == null)
            .OrderBy(e => e.EscalatedAtUtc).Select(e => e.CaseId).ToListAsync(cancellationToken);
        var assigned = 0;
        foreach (var caseId in waiting)
        {
            if ((await desk.ReassignEscalationByRuleAsync(caseId, null, "An engineer has room now.", cancellationToken)).Succeeded)
            {
                assigned++;
            }
        }
        return assigned;
    }

    /// <summary>Someone's time off changed: escalations they were given but had not started go to whoever can start first now.</summary>
    public async Task<int> ReassignUnstartedAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email).FirstOrDefaultAsync(cancellationToken) ?? "The engineer";
        var theirs = await db.Escalations.AsNoTracking().Where(e => e.EndedAtUtc == null && e.AssigneeId == userId && e.PickedUpAtUtc == null)
            .Select(e => e.CaseId).ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var caseId in theirs)
        {
            if ((await desk.ReassignEscalationByRuleAsync(caseId, null, $"{name} is away.", cancellationToken)).Succeeded)
            {
                moved++;
            }
        }
        if (moved > 0)
        {
            logger.LogInformation("Moved {Count} unstarted escalations off {User}'s time off", moved, userId);
        }
        return moved;
    }

    /// <summary>The customer wrote on an escalated case: its engineer's bell rings.</summary>
    public async Task CustomerRepliedAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assignee = await db.Escalations.AsNoTracking().Where(e => e.CaseId == caseId && e.EndedAtUtc == null && e.AssigneeId != null)
            .Select(e => e.AssigneeId).FirstOrDefaultAsync(cancellationToken);
        var supportCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (assignee is null || supportCase is null)
        {
            return;
        }
        var number = CaseNumber.Format(supportCase.Number);
        NotificationCentre.Add(db, [assignee], CustomerRepliedKind, $"{number}: the customer replied", $"\"{supportCase.Subject}\"", $"/cases/{number}", caseId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        notifications.Announce([assignee]);
    }

    public const string CustomerRepliedKind = "customer-replied";

    private async Task AlertAsync(SupportConsoleDbContext db, long escalationId, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var e = await db.Escalations.AsNoTracking().FirstAsync(x => x.Id == escalationId, cancellationToken);
        var supportCase = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == e.CaseId, cancellationToken);
        var number = CaseNumber.Format(supportCase.Number);
        var tierRole = StaffRoster.RoleOf(e.Tier);
        var recipients = await db.ActiveUsersInRole(tierRole, Roles.Manager).Select(u => u.Id).ToListAsync(cancellationToken);
        if (e.AssigneeId is { } assignee && !recipients.Contains(assignee))
        {
            recipients.Add(assignee);
        }
        var (title, text, timeline) = kind == AtRiskKind
            ? ($"{number} pickup at risk", $"\"{supportCase.Subject}\": {e.Tier.DisplayName()} pickup due {TierCalendar.FormatCentral(e.PickupDueAtUtc.AsInstant())}.", "pickup-at-risk")
            : ($"{number} pickup breached", $"\"{supportCase.Subject}\": {e.Tier.DisplayName()} pickup was due {TierCalendar.FormatCentral(e.PickupDueAtUtc.AsInstant())}.", "pickup-breached");
        NotificationCentre.Add(db, recipients, kind, title, text, $"/cases/{number}", supportCase.Id, now);
        db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now, kind == AtRiskKind ? $"The {e.Tier.DisplayName()} pickup is at risk." : $"The {e.Tier.DisplayName()} pickup target was missed.", timeline));
        await db.SaveChangesAsync(cancellationToken);
        notifications.Announce(recipients);
    }
}
