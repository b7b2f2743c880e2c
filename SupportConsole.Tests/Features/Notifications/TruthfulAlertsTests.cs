using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.Sla;
using SupportConsole.Hosting;
using SupportConsole.Tests.Features.Sla;
using SupportConsole.Tests.Infrastructure;
using static SupportConsole.Tests.Features.Sla.TrackedDesk;

namespace SupportConsole.Tests.Features.Notifications;

/// <summary>Mail and alerts tell the truth: absolute links, no alerts for the past, and a digest that re-reads its cases.</summary>
public sealed class TruthfulAlertsTests(TrackedDesk shared) : IClassFixture<TrackedDesk>
{
    // Mon 2026-11-30 07:00 CST: 24 Tier 1 hours run out at Tuesday's 19:00 close; the digest goes at Wednesday's opening.
    private static readonly DateTimeOffset MondayOpening = Utc("2026-11-30T13:00:00Z");
    private static readonly DateTimeOffset PastDue = Utc("2026-12-02T01:00:01Z");
    private static readonly DateTimeOffset WednesdayOpening = Utc("2026-12-02T13:00:00Z");

    [Fact]
    public async Task The_breach_digest_links_each_case_by_its_absolute_address_while_the_bell_keeps_the_app_path()
    {
        var desk = await shared.StartAsync(MondayOpening);
        var id = await desk.OpenCaseAsync();
        await desk.RunJobsAtAsync(PastDue);

        desk.Clock.SetUtcNow(WednesdayOpening);
        Assert.Equal(2, await desk.Get<ManagerBreachDigestJob>().SendAsync(CancellationToken.None));

        var number = CaseNumber.Format((await desk.CaseAsync(id)).Number);
        var absolute = desk.Get<AppLinks>().Absolute($"/cases/{number}");
        Assert.Equal($"{desk.Get<AppLinks>().BaseUrl}cases/{number}", absolute);
        Assert.StartsWith("http", absolute);
        var mails = await DigestMailsAsync(desk);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Contains($"  {absolute}", m.Body));
        Assert.All(mails, m => Assert.DoesNotContain($"  /cases/{number}", m.Body));
        Assert.All(await desk.NotificationsAsync(id), n => Assert.Equal($"/cases/{number}", n.Link));
    }

    [Fact]
    public async Task The_digest_re_reads_its_cases_drops_one_answered_in_time_and_says_a_real_breach_was_answered_since()
    {
        var desk = await shared.StartAsync(MondayOpening);
        var onTime = await desk.OpenCaseAsync();
        var late = await desk.OpenCaseAsync(from: "bob@acme.example");
        await desk.RunJobsAtAsync(PastDue);
        // The on-time answer reached the database only after the breach was recorded (a race, an import writing history).
        var due = (await desk.CaseAsync(onTime)).FirstResponseDueAtUtc!.Value;
        await using (var db = await desk.DbAsync())
        {
            await db.Cases.Where(c => c.Id == onTime).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstRespondedAtUtc, due.AddMinutes(-30)));
            await db.Cases.Where(c => c.Id == late).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstRespondedAtUtc, PastDue.UtcDateTime.AddHours(1)));
        }

        desk.Clock.SetUtcNow(WednesdayOpening);
        Assert.Equal(2, await desk.Get<ManagerBreachDigestJob>().SendAsync(CancellationToken.None));

        var onTimeNumber = CaseNumber.Format((await desk.CaseAsync(onTime)).Number);
        var lateNumber = CaseNumber.Format((await desk.CaseAsync(late)).Number);
        var mails = await DigestMailsAsync(desk);
        Assert.Equal(DemoPeople.Managers.Order(), mails.Select(m => m.To).Order());
        Assert.All(mails, m =>
        {
            Assert.Equal($"SLA breach: {lateNumber} breached its first-response deadline", m.Subject);
            Assert.DoesNotContain(onTimeNumber, m.Body);
            Assert.Contains("Answered since, late, at", m.Body);
        });
        await using var after = await desk.DbAsync();
        Assert.False(await after.Notifications.AnyAsync(n => n.EmailPending));
    }

    [Fact]
    public async Task A_digest_whose_every_case_was_answered_in_time_sends_nothing()
    {
        var desk = await shared.StartAsync(MondayOpening);
        var id = await desk.OpenCaseAsync();
        await desk.RunJobsAtAsync(PastDue);
        var due = (await desk.CaseAsync(id)).FirstResponseDueAtUtc!.Value;
        await using (var db = await desk.DbAsync())
        {
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstRespondedAtUtc, due));
        }

        desk.Clock.SetUtcNow(WednesdayOpening);
        Assert.Equal(0, await desk.Get<ManagerBreachDigestJob>().SendAsync(CancellationToken.None));

        Assert.Empty(await DigestMailsAsync(desk));
        await using var after = await desk.DbAsync();
        Assert.False(await after.Notifications.AnyAsync(n => n.EmailPending));
    }

    [Fact]
    public async Task An_import_whose_deadlines_passed_before_it_arrived_is_recorded_but_alerts_nobody()
    {
        var desk = await shared.StartAsync(Utc("2026-11-25T20:00:00Z"));
        var id = await desk.OpenCaseAsync(receivedAt: Utc("2026-11-16T14:00:00Z"));
        await desk.Tracker.ReconcileAsync();

        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.AtRisk));
        Assert.Empty(await desk.NotificationsAsync(id));
        desk.Clock.SetUtcNow(Utc("2026-11-30T15:00:00Z")); // Mon 09:00 CST, Tier 1 open
        Assert.Equal(0, await desk.Get<ManagerBreachDigestJob>().SendAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_import_whose_deadline_passes_after_it_arrived_alerts_as_any_case_does()
    {
        // Imported Wed 2026-11-25 14:00 CST, received that morning at 08:00: both thresholds are still ahead.
        var desk = await shared.StartAsync(Utc("2026-11-25T20:00:00Z"));
        var id = await desk.OpenCaseAsync(receivedAt: Utc("2026-11-25T14:00:00Z"));
        var due = (await desk.CaseAsync(id)).FirstResponseDueAtUtc!.Value.AsInstant();

        await desk.RunJobsAtAsync(due.AddSeconds(1));

        var breaches = (await desk.NotificationsAsync(id)).Where(n => n.Kind == NotificationCentre.BreachKind).ToList();
        var managers = await Task.WhenAll(DemoPeople.Managers.Select(desk.UserIdAsync));
        Assert.Equal(managers.Order(), breaches.Select(n => n.RecipientUserId).Order());
        Assert.All(breaches, n => Assert.Contains("(imported case)", n.Body));
    }

    [Fact]
    public async Task A_first_start_with_demo_history_alerts_nobody_for_the_past_and_records_no_breach_for_a_case_answered_in_time()
    {
        var clock = new FakeTimeProvider(Utc("2026-12-02T15:00:00Z")); // Wed 09:00 CST: Tier 1 open, so the digest would send
        var jobs = new FakeDeadlineJobScheduler();
        var settings = new Dictionary<string, string?>(QuietRecurringJobs) { ["Demo:Seed"] = "true", ["Demo:Cases"] = "true" };
        await using var app = new AppFactory(settings: settings)
        {
            Clock = clock,
            ConfigureServices = services => services.Replace(ServiceDescriptor.Singleton<IDeadlineJobScheduler>(jobs)),
        };
        var tracker = app.Services.GetRequiredService<DeadlineTracker>();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        // Whatever the background tracking of the new cases did, track every case again and run a full pass.
        foreach (var caseId in await db.Cases.Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken))
        {
            await tracker.TrackAsync(caseId, TestContext.Current.CancellationToken);
        }
        await tracker.ReconcileAsync(TestContext.Current.CancellationToken);
        await app.Services.GetRequiredService<ManagerBreachDigestJob>().SendAsync(TestContext.Current.CancellationToken);

        var history = await db.Cases.AsNoTracking().Where(c => c.IsImported && c.FirstRespondedAtUtc != null).ToListAsync(TestContext.Current.CancellationToken);
        var metIds = history.Where(c => c.FirstRespondedAtUtc <= c.FirstResponseDueAtUtc).Select(c => c.Id).ToList();
        var lateIds = history.Where(c => c.FirstRespondedAtUtc > c.FirstResponseDueAtUtc).Select(c => c.Id).ToList();
        // Which history case is late depends on the weekday of the first start (business hours): none is, on this one.
        Assert.NotEmpty(metIds);
        Assert.Empty(await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationCentre.BreachKind || n.Kind == NotificationCentre.AtRiskKind).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Outbox.AsNoTracking().Where(m => m.Kind == OutboxKind.Notification).ToListAsync(TestContext.Current.CancellationToken));
        // The record tells what happened: no breach for a case answered in time, the late one's breach kept (silently).
        Assert.False(await db.SlaEvents.AnyAsync(e => metIds.Contains(e.CaseId) && e.Kind == SlaEventKind.Breached, TestContext.Current.CancellationToken));
        Assert.All(lateIds, lateId => Assert.True(db.SlaEvents.Any(e => e.CaseId == lateId && e.Kind == SlaEventKind.Breached)));
        // The open demo case received 50 hours ago really is past due: recorded, announced to nobody.
        Assert.True(await db.SlaEvents.AnyAsync(e => e.Kind == SlaEventKind.Breached && !lateIds.Contains(e.CaseId), TestContext.Current.CancellationToken));
    }

    private static async Task<List<OutboxMessage>> DigestMailsAsync(TrackedDesk desk)
    {
        await using var db = await desk.DbAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.Kind == OutboxKind.Notification).ToListAsync();
    }
}
