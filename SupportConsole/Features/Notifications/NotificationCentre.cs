using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Notifications;

/// <summary>
/// The in-app notification centre: rows are added in the caller's transaction (with the SLA or plan-term event
/// that causes them), and after the commit <see cref="Announce"/> tells every open bell of those people at once.
/// </summary>
public sealed class NotificationCentre : IDisposable
{
    /// <summary>The change bus topic of bells to ring (user ids, one per line).</summary>
    public const string Topic = "bell";

    public const string AtRiskKind = "sla-at-risk";
    public const string BreachKind = "sla-breached";
    public const string PlanTermKind = "plan-term";

    /// <summary>A customer wrote into a case the recipient holds.</summary>
    public const string CustomerRepliedKind = "customer-replied";

    private readonly ConcurrentDictionary<string, ImmutableArray<Func<Task>>> listeners = new();
    private readonly IDbContextFactory<SupportConsoleDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly ILogger<NotificationCentre> logger;
    private readonly IChangeBus bus;
    private readonly IDisposable remote;

    public NotificationCentre(IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock, ILogger<NotificationCentre> logger, IChangeBus? bus = null)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.logger = logger;
        this.bus = bus ?? InProcessChangeBus.Instance;
        // A bell rung on another instance rings here too; after a lost connection every open bell looks again.
        remote = this.bus.Subscribe(Topic, payload =>
        {
            Ring(payload is null ? listeners.Keys : payload.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            return Task.CompletedTask;
        });
    }

    /// <summary>Active agents of each tier and managers, read once per batch of notifications.</summary>
    public static async Task<NotificationRecipients> RecipientsAsync(SupportConsoleDbContext db, CancellationToken cancellationToken)
    {
        var pairs = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join user in db.Users on userRole.UserId equals user.Id
            where !user.IsDisabled && (role.Name == Roles.Tier1 || role.Name == Roles.Manager || role.Name == Roles.Tier2 || role.Name == Roles.Tier3)
            select new { user.Id, role.Name }).AsNoTracking().ToListAsync(cancellationToken);
        List<string> Holding(string roleName) => pairs.Where(p => p.Name == roleName).Select(p => p.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        return new NotificationRecipients(Holding(Roles.Tier1), Holding(Roles.Manager), Holding(Roles.Tier2), Holding(Roles.Tier3));
    }

    /// <summary>Adds one notification per recipient (each person once) to the caller's context; saved with the caller's change.</summary>
    public static void Add(SupportConsoleDbContext db, IEnumerable<string> recipients, string kind, string title, string body, string link, long? caseId, DateTimeOffset now, bool emailToManagers = false, IReadOnlyCollection<string>? managers = null)
    {
        foreach (var recipient in recipients.Distinct(StringComparer.Ordinal))
        {
            db.Notifications.Add(new Notification
            {
                RecipientUserId = recipient,
                CaseId = caseId,
                Kind = kind,
                Title = title,
                Body = body,
                Link = link,
                CreatedAtUtc = now.UtcDateTime,
                EmailPending = emailToManagers && managers is not null && managers.Contains(recipient),
            });
        }
    }

    /// <summary>Live bells: called with no arguments whenever this person's notifications change.</summary>
    public IDisposable Subscribe(string userId, Func<Task> changed)
    {
        listeners.AddOrUpdate(userId, _ => [changed], (_, list) => list.Add(changed));
        return new Subscription(() => listeners.AddOrUpdate(userId, _ => [], (_, list) => list.Remove(changed)));
    }

    /// <summary>Tells the open bells of these people that they have something new (after the commit).</summary>
    public void Announce(IEnumerable<string> userIds)
    {
        var distinct = userIds.Distinct(StringComparer.Ordinal).ToList();
        Ring(distinct);
        // In chunks that fit a change message (a breach digest can ring every manager and agent at once).
        foreach (var chunk in distinct.Chunk(100))
        {
            bus.Publish(Topic, () => string.Join('\n', chunk));
        }
    }

    public void Dispose() => remote.Dispose();

    private void Ring(IEnumerable<string> userIds)
    {
        foreach (var userId in userIds)
        {
            if (listeners.TryGetValue(userId, out var handlers))
            {
                foreach (var handler in handlers)
                {
                    _ = RunAsync(handler);
                }
            }
        }
    }

    public async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientUserId == userId && n.ReadAtUtc == null, cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationItem>> LatestAsync(string userId, int count = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUserId == userId)
            .OrderByDescending(n => n.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        return rows.Select(n => new NotificationItem(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAtUtc.AsInstant(), n.ReadAtUtc is not null)).ToList();
    }

    public async Task MarkReadAsync(string userId, long notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Id == notificationId && n.RecipientUserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        Announce([userId]);
    }

    public async Task MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.RecipientUserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        Announce([userId]);
    }

    private async Task RunAsync(Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A notification bell failed to refresh");
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
