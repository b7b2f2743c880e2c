using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Features.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Notifications;

/// <summary>
/// Recurring (every minute): the breach notifications waiting to be emailed to managers go out as one email per
/// manager, and only while Tier 1 is open, so a breach at 19:00 is mailed at the next opening, never at night.
/// Each item re-reads its case when the mail is composed, because hours may pass between the breach and the mail:
/// a case whose first response turns out to have been on time is dropped (it never breached); a breach that really
/// happened stays true even if the case was answered or closed later, so it is kept and says so. Links are absolute
/// (<see cref="AppLinks"/>): a mail client has no page to resolve the bell's relative link against.
/// </summary>
public sealed class ManagerBreachDigestJob(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    BusinessCalendar calendar,
    Outbox outbox,
    AppLinks links,
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
        var caseIds = pending.Where(n => n.CaseId is not null).Select(n => n.CaseId!.Value).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new CaseNow(c.Status, c.FirstRespondedAtUtc, c.FirstResponseDueAtUtc), cancellationToken);
        var addresses = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsDisabled)
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        var outgoing = new List<OutboxMessage>();
        foreach (var group in pending.GroupBy(n => n.RecipientUserId))
        {
            foreach (var notification in group)
            {
                notification.EmailPending = false;
                // A dropped item stays in the bell but was never mailed.
                notification.EmailedAtUtc = AnsweredInTime(notification, cases) ? null : now.UtcDateTime;
            }
            if (!addresses.TryGetValue(group.Key, out var to) || string.IsNullOrWhiteSpace(to))
            {
                continue;
            }
            var items = group.Where(n => !AnsweredInTime(n, cases)).ToList();
            if (items.Count == 0)
            {
                continue;
            }
            var body = new StringBuilder()
                .AppendLine(items.Count == 1 ? "A case breached its first-response deadline:" : $"{items.Count} cases breached their first-response deadline:")
                .AppendLine();
            foreach (var item in items)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- {item.Title} ({TierCalendar.FormatCentral(item.CreatedAtUtc.AsInstant())})")
                    .AppendLine(CultureInfo.InvariantCulture, $"  {item.Body}{Since(item, cases)}")
                    .AppendLine(CultureInfo.InvariantCulture, $"  {links.Absolute(item.Link)}");
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

    /// <summary>A breach item whose case got its first response by the deadline: it never breached, so it is not mailed.</summary>
    private static bool AnsweredInTime(Notification item, Dictionary<long, CaseNow> cases) =>
        item.CaseId is { } id && cases.TryGetValue(id, out var now)
        && now.FirstRespondedAtUtc is { } answered && now.FirstResponseDueAtUtc is { } due && answered <= due;

    /// <summary>What happened to the case since the breach, so the manager does not chase a case already dealt with.</summary>
    private static string Since(Notification item, Dictionary<long, CaseNow> cases)
    {
        if (item.CaseId is not { } id || !cases.TryGetValue(id, out var now))
        {
            return "";
        }
        if (now.FirstRespondedAtUtc is { } answered)
        {
            return $" Answered since, late, at {TierCalendar.FormatCentral(answered.AsInstant())}.";
        }
        return now.Status is CaseStatus.Resolved or CaseStatus.Closed ? $" {now.Status} since, without a first response." : "";
    }

    private sealed record CaseNow(CaseStatus Status, DateTime? FirstRespondedAtUtc, DateTime? FirstResponseDueAtUtc);
}
