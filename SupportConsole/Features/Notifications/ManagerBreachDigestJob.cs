using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.OutgoingMail;

namespace SupportConsole.Features.Notifications;

/// <summary>
/// Recurring (every minute): the breach notifications waiting to be emailed to managers go out as one email per
/// manager, and only while Tier 1 is open, so a breach at 19:00 is mailed at the next opening, never at night.
/// </summary>
public sealed class ManagerBreachDigestJob(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    BusinessCalendar calendar,
    Outbox outbox,
    TimeProvider clock)
{
    public const string Id = "manager-breach-digest";

    /// <summary>The recurring run (Hangfire wants a method whose result it can ignore).</summary>
    public Task RunAsync(CancellationToken cancellationToken) => SendAsync(cancellationToken);

    /// <summary>Sends the pending digests; returns how many emails were composed (0 while Tier 1 is closed).</summary>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!TierCalendar.Covers(now) || !calendar.Current.IsOpen(SupportTier.Tier1, now))
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Notifications.Where(n => n.EmailPending).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }
        var ids = pending.Select(n => n.RecipientUserId).Distinct().ToList();
        var addresses = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsDisabled)
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        var outgoing = new List<OutboxMessage>();
        foreach (var group in pending.GroupBy(n => n.RecipientUserId))
        {
            foreach (var notification in group)
            {
                notification.EmailPending = false;
                notification.EmailedAtUtc = now.UtcDateTime;
            }
            if (!addresses.TryGetValue(group.Key, out var to) || string.IsNullOrWhiteSpace(to))
            {
                continue;
            }
            var items = group.ToList();
            var body = new StringBuilder()
                .AppendLine(items.Count == 1 ? "A case breached its first-response deadline:" : $"{items.Count} cases breached their first-response deadline:")
                .AppendLine();
            foreach (var item in items)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- {item.Title} ({TierCalendar.FormatCentral(item.CreatedAtUtc.AsInstant())})")
                    .AppendLine(CultureInfo.InvariantCulture, $"  {item.Body}")
                    .AppendLine(CultureInfo.InvariantCulture, $"  {item.Link}");
            }
            body.AppendLine().AppendLine("SupportConsole");
            var subject = items.Count == 1 ? $"SLA breach: {items[0].Title}" : $"SLA breaches: {items.Count} cases";
            var message = outbox.Compose(OutboxKind.Notification, to, subject, body.ToString(), now);
            db.Outbox.Add(message);
            outgoing.Add(message);
        }
        await db.SaveChangesAsync(cancellationToken);
        outbox.Dispatch(outgoing);
        return outgoing.Count;
    }
}
