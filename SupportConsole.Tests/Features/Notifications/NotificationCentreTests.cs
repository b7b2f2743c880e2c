using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Notifications;
using SupportConsole.Tests.Features.Sla;
using static SupportConsole.Tests.Features.Sla.TrackedDesk;

namespace SupportConsole.Tests.Features.Notifications;

public sealed class NotificationCentreTests(TrackedDesk shared) : IClassFixture<TrackedDesk>
{
    [Fact]
    public async Task Unassigned_case_at_risk_alerts_every_tier1_agent_and_its_breach_alerts_the_managers()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();

        await desk.RunJobsAtAsync(Utc("2026-12-02T16:00:00Z"));
        await desk.RunJobsAtAsync(Utc("2026-12-02T20:00:01Z"));

        var notifications = await desk.NotificationsAsync(id);
        var tier1 = await Task.WhenAll(DemoPeople.Tier1Agents.Select(desk.UserIdAsync));
        var managers = await Task.WhenAll(DemoPeople.Managers.Select(desk.UserIdAsync));
        Assert.Equal(tier1.Order(), notifications.Where(n => n.Kind == NotificationCentre.AtRiskKind).Select(n => n.RecipientUserId).Order());
        Assert.Equal(managers.Order(), notifications.Where(n => n.Kind == NotificationCentre.BreachKind).Select(n => n.RecipientUserId).Order());
        Assert.All(notifications.Where(n => n.Kind == NotificationCentre.BreachKind), n => Assert.True(n.EmailPending));
        Assert.All(notifications.Where(n => n.Kind == NotificationCentre.AtRiskKind), n => Assert.False(n.EmailPending));
    }

    [Fact]
    public async Task Assigned_case_at_risk_alerts_only_its_assignee_and_its_breach_the_assignee_and_managers()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();
        var theo = await desk.UserIdAsync(DemoPeople.Tier1b);
        await using (var db = await desk.DbAsync())
        {
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeId, theo));
        }

        await desk.RunJobsAtAsync(Utc("2026-12-02T16:00:00Z"));
        await desk.RunJobsAtAsync(Utc("2026-12-02T20:00:01Z"));

        var notifications = await desk.NotificationsAsync(id);
        var managers = await Task.WhenAll(DemoPeople.Managers.Select(desk.UserIdAsync));
        Assert.Equal([theo], notifications.Where(n => n.Kind == NotificationCentre.AtRiskKind).Select(n => n.RecipientUserId));
        Assert.Equal(managers.Append(theo).Order(), notifications.Where(n => n.Kind == NotificationCentre.BreachKind).Select(n => n.RecipientUserId).Order());
        Assert.False(notifications.Single(n => n.Kind == NotificationCentre.BreachKind && n.RecipientUserId == theo).EmailPending);
    }

    [Fact]
    public async Task Breaches_at_19_00_show_in_the_app_at_once_and_reach_managers_by_one_batched_email_at_the_next_opening()
    {
        // Mon 2026-11-30 07:00 CST: 24 Tier 1 hours run out exactly at Tuesday's 19:00 close.
        var desk = await shared.StartAsync(Utc("2026-11-30T13:00:00Z"));
        var first = await desk.OpenCaseAsync();
        var second = await desk.OpenCaseAsync(from: "bob@acme.example");
        var digest = desk.Get<ManagerBreachDigestJob>();
        var centre = desk.Get<NotificationCentre>();
        var maria = await desk.UserIdAsync(DemoPeople.Manager);
        var bell = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var live = centre.Subscribe(maria, () => { bell.TrySetResult(); return Task.CompletedTask; });

        await desk.RunJobsAtAsync(Utc("2026-12-02T01:00:01Z")); // Tue 19:00:01 CST

        await bell.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the bell rang
        Assert.Equal(2, await centre.UnreadCountAsync(maria));
        Assert.Equal(0, await digest.SendAsync(CancellationToken.None));
        desk.Clock.SetUtcNow(Utc("2026-12-02T06:00:00Z")); // midnight
        Assert.Equal(0, await digest.SendAsync(CancellationToken.None));
        desk.Clock.SetUtcNow(Utc("2026-12-02T12:59:59Z")); // 06:59:59 CST
        Assert.Equal(0, await digest.SendAsync(CancellationToken.None));

        desk.Clock.SetUtcNow(Utc("2026-12-02T13:00:00Z")); // Wed 07:00 CST
        Assert.Equal(2, await digest.SendAsync(CancellationToken.None));
        Assert.Equal(0, await digest.SendAsync(CancellationToken.None));

        await using var db = await desk.DbAsync();
        var mails = await db.Outbox.AsNoTracking().Where(m => m.Kind == OutboxKind.Notification).ToListAsync();
        Assert.Equal(DemoPeople.Managers.Order(), mails.Select(m => m.To).Order());
        var numbers = await db.Cases.Where(c => c.Id == first || c.Id == second).Select(c => c.Number).ToListAsync();
        Assert.All(mails, m => Assert.All(numbers, n => Assert.Contains(CaseNumber.Format(n), m.Body)));
        Assert.All(mails, m => Assert.Equal(Utc("2026-12-02T13:00:00Z").UtcDateTime, m.CreatedAtUtc));
        Assert.False(await db.Notifications.AnyAsync(n => n.EmailPending));
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_mark_all_read_clears_the_count()
    {
        // Two cases that breach while the desk watches (an import past due before it arrived alerts nobody).
        var desk = await shared.StartAsync(Utc("2026-11-30T13:00:00Z"));
        await desk.OpenCaseAsync();
        await desk.OpenCaseAsync(from: "bob@acme.example");
        await desk.RunJobsAtAsync(Utc("2026-12-02T01:00:01Z"));
        var centre = desk.Get<NotificationCentre>();
        var maria = await desk.UserIdAsync(DemoPeople.Manager);

        var latest = await centre.LatestAsync(maria);
        Assert.Equal(2, latest.Count);
        Assert.All(latest, n => Assert.StartsWith("/cases/SC-", n.Link));
        await centre.MarkReadAsync(maria, latest[0].Id);
        Assert.Equal(1, await centre.UnreadCountAsync(maria));
        await centre.MarkAllReadAsync(maria);
        Assert.Equal(0, await centre.UnreadCountAsync(maria));
        // Someone else's notifications are untouched.
        Assert.Equal(2, await centre.UnreadCountAsync(await desk.UserIdAsync(DemoPeople.Admin)));
    }
}
