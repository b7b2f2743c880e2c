using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Notifications;

namespace SupportConsole.Features.Sla;

/// <summary>
/// Tracks every first-response deadline. One derivation serves the threshold jobs, the reconciliation pass (recurring,
/// at start-up, after a holiday change) and new cases: a case's deadline is recomputed from the calendar and its facts;
/// crossed thresholds are recorded as <see cref="SlaEvent"/>s once per case and kind (an insert that finds one already
/// recorded does nothing, so a job run twice, a stale job, or a recalculation never notifies twice); future thresholds
/// get jobs. Jobs carry only ids and their threshold, and check the case's current threshold when they run.
/// Alerts tell the truth: a threshold crossed before the case was imported is history, recorded but announced to nobody
/// (no bell, no email), and a case whose first response is written by the time a crossing is recorded is re-read in
/// that transaction, so a case answered on time is never recorded or reported as at risk or breached.
/// </summary>
public sealed class DeadlineTracker(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    BusinessCalendar calendar,
    IDeadlineJobScheduler scheduler,
    NotificationCentre centre,
    CaseChangeNotifier notifier,
    DeadlineTrackingOptions options,
    TimeProvider clock,
    ILogger<DeadlineTracker> logger)
{
    public const string ReconciliationRunName = "reconciliation";
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim passGate = new(1, 1);

    /// <summary>The full pass: every open case waiting for a first response. Records its run for the jobs overview.</summary>
    public async Task<ReconciliationResult> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetUtcNow();
        var result = await RunAsync(null, PassMode.Recurring, cancellationToken);
        await RecordRunAsync(started, result, cancellationToken);
        logger.LogInformation("Reconciliation: {Result}", result);
        return result;
    }

    /// <summary>After a holiday or hours change: deadlines move, their jobs move (old ones are cancelled), nothing fires for the move alone.</summary>
    public async Task<ReconciliationResult> RederiveAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetUtcNow();
        var result = await RunAsync(null, PassMode.CalendarChanged, cancellationToken);
        await RecordRunAsync(started, result, cancellationToken);
        logger.LogInformation("Deadlines re-derived after a calendar change: {Result}", result);
        return result;
    }

    /// <summary>A new (or imported) case: both jobs at once, or its breach recorded now when it arrived past due.</summary>
    public Task<ReconciliationResult> TrackAsync(long caseId, CancellationToken cancellationToken = default) =>
        RunAsync([caseId], PassMode.NewCase, cancellationToken);

    /// <summary>The body of a threshold job: does nothing unless the case is still waiting and this is still its threshold.</summary>
    public async Task<ThresholdOutcome> RunThresholdAsync(long caseId, SlaEventKind kind, DateTime thresholdAtUtc, CancellationToken cancellationToken = default)
    {
        var threshold = thresholdAtUtc.AsInstant().UtcDateTime;
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var facts = await Query(db, [caseId]).FirstOrDefaultAsync(cancellationToken);
        if (facts is null || facts.FirstResponseDueAtUtc is null)
        {
            return ThresholdOutcome.NotApplicable;
        }
        var current = kind == SlaEventKind.AtRisk ? facts.AtRiskAtUtc : facts.FirstResponseDueAtUtc;
        if (current != threshold)
        {
            logger.LogDebug("Stale {Kind} job for case {Case}: threshold {Old:o} is now {New:o}", kind, caseId, threshold, current);
            return ThresholdOutcome.Stale;
        }
        var runAt = kind == SlaEventKind.Breached ? threshold + OneSecond : threshold;
        if (now < runAt.AsInstant())
        {
            // Never reschedule here: the next reconciliation pass schedules it again if it is missing.
            return ThresholdOutcome.Early;
        }
        var crossings = new List<Crossing>();
        Evaluate(facts, facts.AtRiskAtUtc!.Value, facts.FirstResponseDueAtUtc.Value, now, crossings, null);
        var recorded = await RecordAsync(db, crossings, [], now, cancellationToken);
        return recorded.Any(c => c.Kind == kind) ? ThresholdOutcome.Recorded : ThresholdOutcome.AlreadyRecorded;
    }

    private enum PassMode
    {
        Recurring,
        CalendarChanged,
        NewCase,
    }

    private async Task<ReconciliationResult> RunAsync(long[]? caseIds, PassMode mode, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var gateHeld = caseIds is null;
        if (gateHeld)
        {
            await passGate.WaitAsync(cancellationToken);
        }
        try
        {
            var now = clock.GetUtcNow().ToWholeSecond();
            var tierCalendar = calendar.Current;
            var policies = calendar.Policies;
            var horizon = now + options.ScheduleHorizon;
            var pending = mode switch
            {
                PassMode.NewCase => [],
                PassMode.CalendarChanged => scheduler.Pending(DateTimeOffset.MaxValue),
                _ => scheduler.Pending(horizon),
            };
            var pendingByCase = pending.ToLookup(p => p.CaseId);

            var updates = new List<(long Id, FirstResponseDeadline Deadline)>();
            var crossings = new List<Crossing>();
            var toSchedule = new List<(long CaseId, SlaEventKind Kind, DateTime Threshold, DateTimeOffset RunAt)>();
            var toCancel = new List<string>();
            var wanted = new List<(SlaEventKind Kind, DateTime Threshold, DateTimeOffset RunAt)>(2);
            var count = 0;

            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await foreach (var facts in Query(db, caseIds).AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    count++;
                    FirstResponseDeadline deadline;
                    try
                    {
                        deadline = FirstResponseDeadline.Compute(tierCalendar, policies.For(facts.Queue), facts.ReceivedAtUtc.AsInstant());
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        continue;
                    }
                    var clockStart = deadline.ClockStartsAt.UtcDateTime;
                    var atRisk = deadline.AtRiskAt?.UtcDateTime;
                    var due = deadline.DueAt?.UtcDateTime;
                    var moved = clockStart != facts.ClockStartsAtUtc || atRisk != facts.AtRiskAtUtc || due != facts.FirstResponseDueAtUtc;
                    if (moved)
                    {
                        updates.Add((facts.Id, deadline));
                    }

                    wanted.Clear();
                    if (atRisk is { } a && due is { } d)
                    {
                        Evaluate(facts, a, d, now, crossings, wanted);
                    }

                    var existing = pendingByCase[facts.Id];
                    foreach (var job in wanted)
                    {
                        var hasJob = existing.Any(p => p.Kind == job.Kind && p.ThresholdAtUtc == job.Threshold);
                        if (!hasJob && (moved || job.RunAt <= horizon))
                        {
                            toSchedule.Add((facts.Id, job.Kind, job.Threshold, job.RunAt));
                        }
                    }
                    foreach (var job in existing)
                    {
                        if (!wanted.Any(w => w.Kind == job.Kind && w.Threshold == job.ThresholdAtUtc))
                        {
                            toCancel.Add(job.JobId);
                        }
                    }
                }

                await RecordAsync(db, crossings, updates, now, cancellationToken);
            }

            // After the commit: a job that runs at once must see the deadline it was scheduled for.
            foreach (var (caseId, kind, threshold, runAt) in toSchedule)
            {
                scheduler.Schedule(caseId, kind, threshold, runAt);
            }
            foreach (var jobId in toCancel)
            {
                scheduler.Cancel(jobId);
            }
            return new ReconciliationResult(count, updates.Count, toSchedule.Count, toCancel.Count,
                crossings.Count(c => c.Kind == SlaEventKind.AtRisk && c.Inserted),
                crossings.Count(c => c.Kind == SlaEventKind.Breached && c.Inserted),
                stopwatch.Elapsed);
        }
        finally
        {
            if (gateHeld)
            {
                passGate.Release();
            }
        }
    }

    /// <summary>
    /// Crossed thresholds become crossings, future ones wanted jobs. Past due: breach (notified) and, silently,
    /// at risk: an imported or long-overdue case yields one breach, not a burst of alerts.
    /// </summary>
    private static void Evaluate(CaseFacts facts, DateTime atRisk, DateTime due, DateTimeOffset now, List<Crossing> crossings, List<(SlaEventKind, DateTime, DateTimeOffset)>? wanted)
    {
        var nowUtc = now.UtcDateTime;
        if (nowUtc > due)
        {
            if (!facts.HasBreach)
            {
                crossings.Add(new Crossing(facts, SlaEventKind.Breached, due, Notify: !facts.CrossedBeforeImport(due)));
            }
            if (!facts.HasAtRisk)
            {
                crossings.Add(new Crossing(facts, SlaEventKind.AtRisk, atRisk, Notify: false));
            }
            return;
        }
        if (!facts.HasAtRisk)
        {
            if (nowUtc >= atRisk)
            {
                crossings.Add(new Crossing(facts, SlaEventKind.AtRisk, atRisk, Notify: !facts.CrossedBeforeImport(atRisk)));
            }
            else
            {
                wanted?.Add((SlaEventKind.AtRisk, atRisk, atRisk.AsInstant()));
            }
        }
        if (!facts.HasBreach)
        {
            wanted?.Add((SlaEventKind.Breached, due, due.AsInstant() + OneSecond));
        }
    }

    /// <summary>
    /// One transaction: moved deadlines, then each crossing inserted unless the case already has that kind of event
    /// (the unique index catches a concurrent duplicate), and the notifications of the ones actually inserted.
    /// </summary>
    private async Task<List<Crossing>> RecordAsync(SupportConsoleDbContext db, List<Crossing> crossings, List<(long Id, FirstResponseDeadline Deadline)> updates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (crossings.Count == 0 && updates.Count == 0)
        {
            return [];
        }
        var recorded = new List<Crossing>();
        var recipients = new HashSet<string>(StringComparer.Ordinal);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.UpdateDeadlinesAsync(updates, cancellationToken);

        // Re-read in this transaction: the facts were read before it, and a response written since (an agent, or an
        // import that writes its history's answer after intake) may mean the threshold was never really crossed.
        crossings = await StillCrossedAsync(db, crossings, cancellationToken);
        if (crossings.Count > 0)
        {
            var inserted = await db.RecordSlaEventsOnceAsync([.. crossings.Select(c => (c.Facts.Id, c.Kind, c.Threshold))], now, cancellationToken);
            for (var i = 0; i < crossings.Count; i++)
            {
                if (inserted[i])
                {
                    crossings[i].Inserted = true;
                    recorded.Add(crossings[i]);
                }
            }

            var notified = recorded.Where(c => c.Notify).ToList();
            if (notified.Count > 0)
            {
                var who = await NotificationCentre.RecipientsAsync(db, cancellationToken);
                var subjects = new Dictionary<long, string>();
                // In chunks: SQLite caps the parameters of one statement, and a mass import can cross thousands at once.
                foreach (var chunk in notified.Select(c => c.Facts.Id).Distinct().Chunk(500))
                {
                    foreach (var row in await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Subject }).ToListAsync(cancellationToken))
                    {
                        subjects[row.Id] = row.Subject;
                    }
                }
                foreach (var crossing in notified)
                {
                    var number = CaseNumber.Format(crossing.Facts.Number);
                    var subject = subjects.GetValueOrDefault(crossing.Facts.Id, "");
                    var link = $"/cases/{number}";
                    if (crossing.Kind == SlaEventKind.AtRisk)
                    {
                        // Nobody holds it: the tier that has the case hears of it (Tier 1 no longer sees an escalated case).
                        var to = crossing.Facts.AssigneeId is { } assignee ? [assignee] : who.OfTier(crossing.Facts.Tier);
                        var due = crossing.Facts.FirstResponseDueAtUtc ?? crossing.Threshold;
                        NotificationCentre.Add(db, to, NotificationCentre.AtRiskKind, $"{number} is at risk",
                            $"\"{subject}\": first response due {TierCalendar.FormatCentral(due.AsInstant())}.", link, crossing.Facts.Id, now);
                        recipients.UnionWith(to);
                    }
                    else
                    {
                        var to = crossing.Facts.AssigneeId is { } assignee ? who.Managers.Append(assignee).ToList() : who.Managers.ToList();
                        NotificationCentre.Add(db, to, NotificationCentre.BreachKind, $"{number} breached its first-response deadline",
                            $"\"{subject}\": first response was due {TierCalendar.FormatCentral(crossing.Threshold.AsInstant())}{(crossing.Facts.IsImported ? " (imported case)" : "")}.",
                            link, crossing.Facts.Id, now, emailToManagers: true, managers: who.Managers.ToHashSet(StringComparer.Ordinal));
                        recipients.UnionWith(to);
                    }
                }
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);

        centre.Announce(recipients);
        foreach (var crossing in recorded)
        {
            notifier.Publish(new CaseChange(crossing.Facts.Id, crossing.Facts.Number, CaseChangeKind.SlaStateChanged, crossing.Facts.Queue, now));
        }
        if (updates.Count > 0)
        {
            // Live pages hold deadlines in memory: one signal makes them read the moved deadlines again.
            notifier.Publish(CaseChange.ForAllCases(CaseChangeKind.DeadlinesMoved, now));
        }
        return recorded;
    }

    /// <summary>The crossings whose case was not answered by their threshold (an answer after it does not undo a real breach).</summary>
    private static async Task<List<Crossing>> StillCrossedAsync(SupportConsoleDbContext db, List<Crossing> crossings, CancellationToken cancellationToken)
    {
        if (crossings.Count == 0)
        {
            return crossings;
        }
        var answered = new Dictionary<long, DateTime>();
        foreach (var chunk in crossings.Select(c => c.Facts.Id).Distinct().Chunk(500))
        {
            foreach (var row in await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id) && c.FirstRespondedAtUtc != null)
                .Select(c => new { c.Id, c.FirstRespondedAtUtc }).ToListAsync(cancellationToken))
            {
                answered[row.Id] = row.FirstRespondedAtUtc!.Value;
            }
        }
        return answered.Count == 0
            ? crossings
            : [.. crossings.Where(c => !answered.TryGetValue(c.Facts.Id, out var at) || at > c.Threshold)];
    }

    private async Task RecordRunAsync(DateTimeOffset started, ReconciliationResult result, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.JobRuns.FindAsync([ReconciliationRunName], cancellationToken);
        if (run is null)
        {
            run = new JobRunRecord { Name = ReconciliationRunName };
            db.JobRuns.Add(run);
        }
        run.LastStartedAtUtc = started.UtcDateTime;
        run.LastFinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        run.LastResult = result.ToString();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<CaseFacts> Query(SupportConsoleDbContext db, long[]? caseIds)
    {
        var cases = db.Cases.AsNoTracking()
            .Where(SupportCase.IsOpenCase).Where(c => c.FirstRespondedAtUtc == null);
        if (caseIds is not null)
        {
            cases = caseIds.Length == 1 ? cases.Where(c => c.Id == caseIds[0]) : cases.Where(c => caseIds.Contains(c.Id));
        }
        return cases.Select(c => new CaseFacts(
            c.Id, c.Number, c.Queue, c.Tier, c.ReceivedAtUtc, c.ClockStartsAtUtc, c.AtRiskAtUtc, c.FirstResponseDueAtUtc, c.AssigneeId, c.IsImported,
            // An import's routing entry is written when it was accepted: the instant before which its crossings are history.
            c.IsImported ? db.CaseEntries.Where(e => e.CaseId == c.Id && e.Kind == CaseEntryKind.SystemEvent).Min(e => (DateTime?)e.AtUtc) : null,
            db.SlaEvents.Any(e => e.CaseId == c.Id && e.Kind == SlaEventKind.AtRisk),
            db.SlaEvents.Any(e => e.CaseId == c.Id && e.Kind == SlaEventKind.Breached)));
    }


    private sealed record CaseFacts(
        long Id, long Number, CaseQueue Queue, SupportTier Tier, DateTime ReceivedAtUtc, DateTime ClockStartsAtUtc, DateTime? AtRiskAtUtc, DateTime? FirstResponseDueAtUtc,
        string? AssigneeId, bool IsImported, DateTime? ImportedAtUtc, bool HasAtRisk, bool HasBreach)
    {
        /// <summary>A threshold that passed before the case was imported: the desk could not have acted, so nobody is alerted.</summary>
        public bool CrossedBeforeImport(DateTime threshold) => IsImported && threshold < (ImportedAtUtc ?? DateTime.MaxValue);
    }

    private sealed record Crossing(CaseFacts Facts, SlaEventKind Kind, DateTime Threshold, bool Notify)
    {
        public bool Inserted { get; set; }
    }
}
