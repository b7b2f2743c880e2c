using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.Sla;
using SupportConsole.Tests.Infrastructure;
using static SupportConsole.Tests.Features.Sla.TrackedDesk;

namespace SupportConsole.Tests.Features.Sla;

public sealed class DeadlineTrackingTests(TrackedDesk shared) : IClassFixture<TrackedDesk>
{
    [Fact]
    public async Task Case_arriving_monday_afternoon_turns_at_risk_and_breaches_on_wednesday_across_two_nights_and_nothing_fires_at_night()
    {
        // Mon 2026-11-30 14:00 CST: 5h Monday, 12h Tuesday, 7h Wednesday → due Wed 14:00 CST, at risk Wed 10:00 CST.
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();

        var jobs = desk.Jobs.Waiting.Where(j => j.CaseId == id).OrderBy(j => j.RunAt).ToList();
        Assert.Equal([Utc("2026-12-02T16:00:00Z"), Utc("2026-12-02T20:00:01Z")], jobs.Select(j => j.RunAt));
        Assert.Equal([SlaEventKind.AtRisk, SlaEventKind.Breached], jobs.Select(j => j.Kind));

        await desk.RunJobsAtAsync(Utc("2026-12-01T06:00:00Z")); // Tuesday 00:00 CST: midnight
        await desk.RunJobsAtAsync(Utc("2026-12-02T15:59:59Z"));
        Assert.Equal(0, await desk.EventCountAsync(id));

        await desk.RunJobsAtAsync(Utc("2026-12-02T16:00:00Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.AtRisk));
        Assert.Equal(0, await desk.EventCountAsync(id, SlaEventKind.Breached));

        await desk.RunJobsAtAsync(Utc("2026-12-02T20:00:00Z")); // due exactly: still at risk
        Assert.Equal(0, await desk.EventCountAsync(id, SlaEventKind.Breached));
        await desk.RunJobsAtAsync(Utc("2026-12-02T20:00:01Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));

        var notifications = await desk.NotificationsAsync(id);
        var link = "/cases/" + SupportConsole.Domain.Intake.CaseNumber.Format((await desk.CaseAsync(id)).Number);
        Assert.NotEmpty(notifications);
        Assert.All(notifications, n => Assert.Equal(link, n.Link));
        // Every alert was created on a Wednesday inside Tier 1 hours, never overnight.
        Assert.All(notifications, n => Assert.True(desk.Get<BusinessCalendar>().Current.IsOpen(SupportConsole.Domain.Calendar.SupportTier.Tier1, new DateTimeOffset(n.CreatedAtUtc).AddSeconds(-1))));
    }

    [Fact]
    public async Task An_unheld_escalated_case_at_risk_alerts_its_tier_and_never_tier_1()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();
        await using (var db = await desk.DbAsync())
        {
            // Waiting for a Tier 2 engineer (everyone of the tier was at capacity when it came).
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Tier, SupportConsole.Domain.Calendar.SupportTier.Tier2)
                .SetProperty(c => c.AssigneeId, (string?)null));
        }

        await desk.RunJobsAtAsync(Utc("2026-12-02T16:00:00Z"));

        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.AtRisk));
        var told = (await desk.NotificationsAsync(id)).Where(n => n.Kind == SupportConsole.Features.Notifications.NotificationCentre.AtRiskKind).Select(n => n.RecipientUserId).ToHashSet();
        await using var check = await desk.DbAsync();
        var tier2 = await (from ur in check.UserRoles join r in check.Roles on ur.RoleId equals r.Id where r.Name == SupportConsole.Hosting.Roles.Tier2 select ur.UserId).ToListAsync();
        var tier1Only = await desk.UserIdAsync(DemoPeople.Tier1);
        Assert.NotEmpty(told);
        Assert.True(told.SetEquals(tier2), "the at-risk alert goes to the Tier 2 engineers");
        Assert.DoesNotContain(tier1Only, told);
    }

    [Fact]
    public async Task With_the_production_horizon_intake_schedules_nothing_far_ahead_and_reconciliation_schedules_each_job_before_its_instant()
    {
        // Mon 2026-11-30 14:00 CST; at risk Wed 10:00 CST (16:00Z), due Wed 14:00 CST (20:00Z).
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"), horizonMinutes: 30);
        var response = await desk.Api.PostCaseAsync(new { from = "ann@acme.example", subject = "Far ahead", body = "b", severity = 2 });
        response.EnsureSuccessStatusCode();
        Assert.True(SupportConsole.Domain.Intake.CaseNumber.TryParse((await response.JsonAsync()).GetProperty("number").GetString(), out var number));
        await using (var db = await desk.DbAsync())
        {
            var id = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();

            await desk.Tracker.ReconcileAsync();
            Assert.DoesNotContain(desk.Jobs.Waiting, j => j.CaseId == id);

            // The 5-minute pass that runs 25 minutes before the at-risk instant puts its job in place, at the exact instant.
            desk.Clock.SetUtcNow(Utc("2026-12-02T15:35:00Z"));
            await desk.Tracker.ReconcileAsync();
            var job = Assert.Single(desk.Jobs.Waiting, j => j.CaseId == id);
            Assert.Equal((SlaEventKind.AtRisk, Utc("2026-12-02T16:00:00Z")), (job.Kind, job.RunAt));

            await desk.RunJobsAtAsync(Utc("2026-12-02T16:00:00Z"));
            Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.AtRisk));

            desk.Clock.SetUtcNow(Utc("2026-12-02T19:40:00Z"));
            await desk.Tracker.ReconcileAsync();
            Assert.Equal(Utc("2026-12-02T20:00:01Z"), Assert.Single(desk.Jobs.Waiting, j => j.CaseId == id).RunAt);
        }
    }

    [Fact]
    public async Task Case_arriving_friday_afternoon_waits_out_the_weekend_and_breaches_tuesday()
    {
        // Fri 2026-12-04 15:00 CST: 4h Friday, 12h Monday, 8h Tuesday → due Tue 15:00 CST, at risk Tue 11:00 CST.
        var desk = await shared.StartAsync(Utc("2026-12-04T21:00:00Z"));
        var id = await desk.OpenCaseAsync();

        await desk.RunJobsAtAsync(Utc("2026-12-05T18:00:00Z")); // Saturday noon
        await desk.RunJobsAtAsync(Utc("2026-12-07T06:00:00Z")); // Monday 00:00 CST
        Assert.Equal(0, await desk.EventCountAsync(id));

        await desk.RunJobsAtAsync(Utc("2026-12-08T17:00:00Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.AtRisk));
        await desk.RunJobsAtAsync(Utc("2026-12-08T21:00:01Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));
        var breach = (await desk.DbAsync()).SlaEvents.Single(e => e.CaseId == id && e.Kind == SlaEventKind.Breached);
        Assert.Equal(Utc("2026-12-08T21:00:00Z").UtcDateTime, breach.ThresholdAtUtc);
    }

    [Fact]
    public async Task Case_arriving_the_day_before_thanksgiving_skips_the_holiday_and_breaches_monday()
    {
        // Wed 2026-11-25 14:00 CST: 5h Wednesday, Thanksgiving closed, 12h Friday, 7h Monday → due Mon 14:00 CST.
        var desk = await shared.StartAsync(Utc("2026-11-25T20:00:00Z"));
        var id = await desk.OpenCaseAsync();

        await desk.RunJobsAtAsync(Utc("2026-11-26T18:00:00Z")); // Thanksgiving noon
        await desk.RunJobsAtAsync(Utc("2026-11-30T15:59:59Z"));
        Assert.Equal(0, await desk.EventCountAsync(id));

        await desk.RunJobsAtAsync(Utc("2026-11-30T16:00:00Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.AtRisk));
        await desk.RunJobsAtAsync(Utc("2026-11-30T20:00:01Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));
    }

    [Fact]
    public async Task First_response_one_second_before_due_makes_the_breach_job_do_nothing()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();
        await desk.RunJobsAtAsync(Utc("2026-12-02T16:00:00Z"));

        desk.Clock.SetUtcNow(Utc("2026-12-02T19:59:59Z"));
        var tina = await desk.UserIdAsync(DemoPeople.Tier1);
        var reply = await desk.Get<CaseDesk>().ReplyAsync(id, new Actor(tina, "Tina Tier1", DemoPeople.Tier1), "We are on it.", SupportConsole.Domain.Cases.CaseStatus.WaitingOnCustomer);
        Assert.True(reply.Succeeded);

        var ran = await desk.Jobs.RunDueAsync(desk.Runner, Utc("2026-12-03T12:00:00Z"));
        desk.Clock.SetUtcNow(Utc("2026-12-03T12:00:00Z"));
        await desk.Tracker.ReconcileAsync();

        Assert.Equal([ThresholdOutcome.NotApplicable], ran.Select(r => r.Outcome));
        Assert.Equal(0, await desk.EventCountAsync(id, SlaEventKind.Breached));
        Assert.Equal(SupportConsole.Domain.Sla.SlaState.Met, (await desk.CaseAsync(id)).SlaStateAt(Utc("2026-12-03T12:00:00Z")));
    }

    [Fact]
    public async Task Breach_job_run_twice_records_one_event_and_notifies_each_person_once()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();
        var breachJob = desk.Jobs.Waiting.Single(j => j.CaseId == id && j.Kind == SlaEventKind.Breached);
        desk.Clock.SetUtcNow(Utc("2026-12-02T20:00:01Z"));

        var outcomes = await Task.WhenAll(
            desk.Runner.RunAsync(id, SlaEventKind.Breached, breachJob.ThresholdAtUtc),
            desk.Runner.RunAsync(id, SlaEventKind.Breached, breachJob.ThresholdAtUtc));
        var again = await desk.Runner.RunAsync(id, SlaEventKind.Breached, breachJob.ThresholdAtUtc);

        Assert.Single(outcomes, o => o == ThresholdOutcome.Recorded);
        Assert.Equal(ThresholdOutcome.AlreadyRecorded, again);
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));
        var breaches = (await desk.NotificationsAsync(id)).Where(n => n.Kind == NotificationCentre.BreachKind).ToList();
        var managers = await Task.WhenAll(DemoPeople.Managers.Select(desk.UserIdAsync));
        Assert.Equal(managers.Order(), breaches.Select(n => n.RecipientUserId).Order());
    }

    [Fact]
    public async Task Holiday_added_after_a_case_arrived_moves_its_deadline_and_its_jobs_and_the_old_jobs_do_nothing()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();
        var oldJobs = desk.Jobs.Waiting.Where(j => j.CaseId == id).ToList();

        await desk.Get<HolidayBook>().SaveAsync(new DateOnly(2026, 12, 1), "Company offsite");

        var moved = await desk.CaseAsync(id);
        Assert.Equal(Utc("2026-12-03T20:00:00Z").UtcDateTime, moved.FirstResponseDueAtUtc); // Thu 14:00 CST
        Assert.Equal(Utc("2026-12-03T16:00:00Z").UtcDateTime, moved.AtRiskAtUtc);
        Assert.All(oldJobs, j => Assert.True(j.Cancelled));
        var newJobs = desk.Jobs.Waiting.Where(j => j.CaseId == id).OrderBy(j => j.RunAt).ToList();
        Assert.Equal([Utc("2026-12-03T16:00:00Z"), Utc("2026-12-03T20:00:01Z")], newJobs.Select(j => j.RunAt));

        // A stale job that still ran (Hangfire had already picked it up) finds the threshold moved and does nothing.
        desk.Clock.SetUtcNow(Utc("2026-12-02T20:00:01Z"));
        Assert.Equal(ThresholdOutcome.Stale, await desk.Runner.RunAsync(id, SlaEventKind.Breached, oldJobs.Single(j => j.Kind == SlaEventKind.Breached).ThresholdAtUtc));
        Assert.Equal(0, await desk.EventCountAsync(id));

        await desk.RunJobsAtAsync(Utc("2026-12-03T20:00:01Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));
    }

    [Fact]
    public async Task Recalculation_of_a_breached_case_never_fires_the_breach_again()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();
        await desk.RunJobsAtAsync(Utc("2026-12-03T18:00:00Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));
        var before = (await desk.NotificationsAsync(id)).Count;

        // The new due (Thu 14:00 CST) is also past: the case stays breached, with its one event.
        await desk.Get<HolidayBook>().SaveAsync(new DateOnly(2026, 12, 1), "Company offsite");
        await desk.Tracker.ReconcileAsync();

        Assert.Equal(Utc("2026-12-03T20:00:00Z").UtcDateTime, (await desk.CaseAsync(id)).FirstResponseDueAtUtc);
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));
        Assert.Equal(before, (await desk.NotificationsAsync(id)).Count);
    }

    [Fact]
    public async Task Reconciliation_after_the_jobs_were_lost_schedules_them_again_before_their_instant()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();
        desk.Jobs.LoseAll();
        desk.Get<DeadlineTrackingOptions>().ScheduleHorizon = TimeSpan.FromMinutes(30); // production's horizon from here on

        // Far from the thresholds, the pass leaves them to a later pass (they are beyond its horizon).
        desk.Clock.SetUtcNow(Utc("2026-12-01T20:00:00Z"));
        await desk.Tracker.ReconcileAsync();
        Assert.Empty(desk.Jobs.Waiting);

        desk.Clock.SetUtcNow(Utc("2026-12-02T15:45:00Z"));
        var result = await desk.Tracker.ReconcileAsync();
        Assert.Equal(1, result.Scheduled);
        Assert.Equal(SlaEventKind.AtRisk, Assert.Single(desk.Jobs.Waiting).Kind);
        Assert.Equal(0, (await desk.Tracker.ReconcileAsync()).Scheduled); // an existing job is not scheduled twice

        await desk.RunJobsAtAsync(Utc("2026-12-02T16:00:00Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.AtRisk));

        desk.Clock.SetUtcNow(Utc("2026-12-02T19:45:00Z"));
        await desk.Tracker.ReconcileAsync();
        await desk.RunJobsAtAsync(Utc("2026-12-02T20:00:01Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));

        await using var db = await desk.DbAsync();
        var run = await db.JobRuns.SingleAsync(r => r.Name == DeadlineTracker.ReconciliationRunName);
        Assert.Contains("open cases checked", run.LastResult);
    }

    [Fact]
    public async Task Reconciliation_after_a_crash_records_a_breach_whose_job_never_ran_once()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();
        desk.Jobs.LoseAll();

        desk.Clock.SetUtcNow(Utc("2026-12-03T15:00:00Z"));
        var first = await desk.Tracker.ReconcileAsync();
        var second = await desk.Tracker.ReconcileAsync();

        Assert.Equal((1, 1), (first.Breached, first.AtRisk));
        Assert.Equal((0, 0), (second.Breached, second.AtRisk));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));
        // Both thresholds long past: the at-risk is recorded silently, only the breach notifies.
        Assert.DoesNotContain(await desk.NotificationsAsync(id), n => n.Kind == NotificationCentre.AtRiskKind);
    }

    [Fact]
    public async Task Imported_past_due_case_shows_as_breached_at_once_with_one_event_and_no_alert_for_the_past()
    {
        var desk = await shared.StartAsync(Utc("2026-11-25T20:00:00Z"));
        var id = await desk.OpenCaseAsync(receivedAt: Utc("2026-11-16T14:00:00Z"));

        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.AtRisk));
        Assert.DoesNotContain(desk.Jobs.All, j => j.CaseId == id);
        await desk.Tracker.ReconcileAsync();
        await desk.Tracker.ReconcileAsync();

        // Both thresholds passed before the import: recorded for the record, announced to nobody (TruthfulAlertsTests).
        Assert.Empty(await desk.NotificationsAsync(id));
        var json = await (await desk.Api.GetAsync($"/api/cases/{SupportConsole.Domain.Intake.CaseNumber.Format((await desk.CaseAsync(id)).Number)}")).JsonAsync();
        Assert.Equal("breached", json.GetProperty("sla").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Closed_case_never_escalates()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();
        await using (var db = await desk.DbAsync())
        {
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, SupportConsole.Domain.Cases.CaseStatus.Closed));
        }

        await desk.RunJobsAtAsync(Utc("2026-12-03T20:00:00Z"));
        await desk.Tracker.ReconcileAsync();

        Assert.Equal(0, await desk.EventCountAsync(id));
    }
}
