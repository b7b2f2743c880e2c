using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Cases;

namespace SupportConsole.Features.Queues;

/// <summary>
/// The open Tier 1 cases, loaded once (AsNoTracking projection, assignee and customer names joined) and kept in
/// memory for every queue page: on a <see cref="CaseChange"/> only the changed case is read again and patched in
/// (inserted by arrival sequence, updated, or removed when it is closed or escalated out of Tier 1). Pages subscribe
/// to the <see cref="CaseChangeNotifier"/> themselves and await <see cref="ApplyAsync"/>, which reads the database once
/// per change however many pages are open. Rows are shared, so a connected agent costs a reference, not a copy.
/// </summary>
public sealed class QueueBoard : IDisposable
{
    private readonly IDbContextFactory<SupportConsoleDbContext> dbFactory;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConditionalWeakTable<CaseChange, Task<QueueSnapshot>> applied = [];
    private readonly IDisposable subscription;
    private QueueSnapshot? snapshot;
    private int pending;

    /// <summary>A patch failed: the next use reads every case again (the snapshot stays, so versions keep rising).</summary>
    private volatile bool reloadNeeded;

    public QueueBoard(IDbContextFactory<SupportConsoleDbContext> dbFactory, CaseChangeNotifier notifier)
    {
        this.dbFactory = dbFactory;
        // The board keeps itself current even while no page is open.
        subscription = notifier.Subscribe(ApplyAsync);
    }

    /// <summary>
    /// The current queues, loading them on first use. A page subscribes to the notifier and then asks for the snapshot:
    /// a change published just before it subscribed may still be being patched in, so while any patch is pending this
    /// waits its turn at the gate (first come, first served) and returns the queues with those changes applied.
    /// </summary>
    public async Task<QueueSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref pending) == 0 && !reloadNeeded && Volatile.Read(ref snapshot) is { } current)
        {
            return current;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (snapshot is null || reloadNeeded)
            {
                snapshot = await LoadAllAsync(cancellationToken);
                reloadNeeded = false;
            }
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Patches the changed case into the queues (once per change, whoever asks first) and returns the result.</summary>
    public Task<QueueSnapshot> ApplyAsync(CaseChange change) => applied.GetValue(change, PatchAsync);

    private async Task<QueueSnapshot> PatchAsync(CaseChange change)
    {
        // Counted before the first await, so a page that asks for the snapshot after the change was published waits for it.
        Interlocked.Increment(ref pending);
        try
        {
            await gate.WaitAsync();
        }
        catch
        {
            Interlocked.Decrement(ref pending);
            throw;
        }
        try
        {
            if (snapshot is null || reloadNeeded || change.IsForAllCases)
            {
                snapshot = await LoadAllAsync(CancellationToken.None);
                reloadNeeded = false;
                return snapshot;
            }
            var row = await LoadRowAsync(change.CaseId, CancellationToken.None);
            return snapshot = Patch(snapshot, change.CaseId, row);
        }
        catch
        {
            reloadNeeded = true; // read everything again on next use rather than show a wrong queue
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref pending);
            gate.Release();
        }
    }

    public static QueueSnapshot Patch(QueueSnapshot current, long caseId, QueueRow? row)
    {
        var priority = current.Priority;
        var standard = current.Standard;
        var byId = current.ById;
        if (byId.TryGetValue(caseId, out var old))
        {
            var list = old.Queue == CaseQueue.Priority ? priority : standard;
            var index = IndexOf(list, old.ArrivalSequence);
            if (index >= 0)
            {
                list = list.RemoveAt(index);
            }
            if (old.Queue == CaseQueue.Priority) priority = list; else standard = list;
            byId = byId.Remove(caseId);
        }
        if (row is not null)
        {
            var list = row.Queue == CaseQueue.Priority ? priority : standard;
            var index = IndexOf(list, row.ArrivalSequence);
            list = index >= 0 ? list.SetItem(index, row) : list.Insert(~index, row);
            if (row.Queue == CaseQueue.Priority) priority = list; else standard = list;
            byId = byId.SetItem(caseId, row);
        }
        return new QueueSnapshot(priority, standard, byId, current.Version + 1);
    }

    /// <summary>Binary search by arrival sequence: the index, or the complement of where it would go.</summary>
    private static int IndexOf(ImmutableList<QueueRow> list, long arrivalSequence)
    {
        int lo = 0, hi = list.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var at = list[mid].ArrivalSequence;
            if (at == arrivalSequence) return mid;
            if (at < arrivalSequence) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    public static QueueSnapshot Build(IEnumerable<QueueRow> rows, long version = 1)
    {
        var ordered = rows.OrderBy(r => r.ArrivalSequence).ToList();
        return new QueueSnapshot(
            [.. ordered.Where(r => r.Queue == CaseQueue.Priority)],
            [.. ordered.Where(r => r.Queue == CaseQueue.Standard)],
            ordered.ToImmutableDictionary(r => r.Id),
            version);
    }

    private async Task<QueueSnapshot> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Query(db, db.Cases).ToListAsync(cancellationToken);
        return Build(rows.Select(ToRow), (snapshot?.Version ?? 0) + 1);
    }

    /// <summary>The case as a queue row, or null when it is not in a Tier 1 queue (closed, resolved, escalated, gone).</summary>
    public async Task<QueueRow?> LoadRowAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var raw = await Query(db, db.Cases.Where(c => c.Id == caseId)).FirstOrDefaultAsync(cancellationToken);
        return raw is null ? null : ToRow(raw);
    }

    private static IQueryable<RawRow> Query(SupportConsoleDbContext db, IQueryable<SupportCase> cases) =>
        from c in cases.AsNoTracking().Where(SupportCase.IsInTier1Queue)
        join u in db.Users on c.AssigneeId equals u.Id into assignees
        from u in assignees.DefaultIfEmpty()
        orderby c.ArrivalSequence
        select new RawRow(c.Id, c.Number, c.ArrivalSequence, c.Queue, c.ReceivedAtUtc, c.Customer != null ? c.Customer.Name : null,
            c.FromName, c.FromAddress, c.Subject, c.Severity, c.Status, c.AssigneeId,
            u == null ? null : (u.DisplayName != "" ? u.DisplayName : u.Email),
            c.ClockStartsAtUtc, c.AtRiskAtUtc, c.FirstResponseDueAtUtc, c.FirstRespondedAtUtc, c.RoutingReason, c.CustomerRepliedAtUtc);

    private static QueueRow ToRow(RawRow r) => new(r.Id, r.Number, r.ArrivalSequence, r.Queue, r.ReceivedAtUtc.AsInstant(), r.CustomerName,
        r.FromName, r.FromAddress, r.Subject, r.Severity, r.Status, r.AssigneeId, r.AssigneeName,
        new FirstResponseDeadline(r.ClockStartsAtUtc.AsInstant(), r.AtRiskAtUtc.AsInstant(), r.DueAtUtc.AsInstant()),
        r.FirstRespondedAtUtc.AsInstant(), r.RoutingReason, r.CustomerRepliedAtUtc.AsInstant());

    private sealed record RawRow(long Id, long Number, long ArrivalSequence, CaseQueue Queue, DateTime ReceivedAtUtc, string? CustomerName,
        string FromName, string FromAddress, string Subject, CaseSeverity Severity, CaseStatus Status, string? AssigneeId, string? AssigneeName,
        DateTime ClockStartsAtUtc, DateTime? AtRiskAtUtc, DateTime? DueAtUtc, DateTime? FirstRespondedAtUtc, string RoutingReason, DateTime? CustomerRepliedAtUtc);

    public void Dispose()
    {
        subscription.Dispose();
        gate.Dispose();
    }
}
