using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Staffing;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Escalations;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Escalations;

/// <summary>
/// The Tier 2-3 desk through the real services and database: who an escalation goes to and why, what waits when
/// everyone is full, time off, pickup, the pickup clock and its alerts, hand-back, and the escalation API.
/// </summary>
public sealed class EscalationDeskTests(EscalationDeskFixture fixture) : IClassFixture<EscalationDeskFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = EngineeringDeskHost.Start;

    /// <summary>Four Tier 2-3 hours after 09:00 Central: 13:00 Central; at risk an hour before.</summary>
    private static readonly DateTimeOffset PickupDue = new(2027, 2, 17, 19, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset PickupAtRisk = new(2027, 2, 17, 18, 0, 0, TimeSpan.Zero);

    private CaseDesk Desk => fixture.Desk;
    private EscalationClock Escalations => fixture.Get<EscalationClock>();
    private Actor Tina => fixture.Tina;
    private Actor Maria => fixture.Maria;
    private Actor Alma => fixture.Alma;
    private Actor Bruno => fixture.Bruno;
    private Actor Tess => fixture.Tess;

    public ValueTask InitializeAsync() => new(fixture.ResetAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // ---- Assignment ----

    [Fact]
    public async Task An_escalation_goes_at_once_to_the_engineer_who_can_start_first_and_says_why()
    {
        var supportCase = await fixture.OpenCaseAsync();
        Assert.Null(await fixture.Roster.AddTimeOffAsync(Alma.UserId, Start.AddHours(-1), Start.AddDays(1), "dentist"));

        var result = await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, "  Export crashes at 50%; logs attached.  ", Tina);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal($"{Number(supportCase)} is escalated to Tier 2 and assigned to Bruno Baker.", result.Message);
        var escalation = await OpenEscalationAsync(supportCase.Id);
        Assert.Equal(SupportTier.Tier2, escalation.Tier);
        Assert.Equal("Export crashes at 50%; logs attached.", escalation.Reason);
        Assert.Equal(Tina.UserId, escalation.EscalatedById);
        Assert.Equal(Start.UtcDateTime, escalation.EscalatedAtUtc);
        Assert.Equal(Bruno.UserId, escalation.AssigneeId);
        Assert.Equal(Start.UtcDateTime, escalation.AssignedAtUtc);
        Assert.Equal("Bruno Baker: available now, no open escalations, the only one available now", escalation.AssignedBecause);
        Assert.Equal(PickupDue.UtcDateTime, escalation.PickupDueAtUtc);
        Assert.Equal(PickupAtRisk.UtcDateTime, escalation.PickupAtRiskAtUtc);
        Assert.Null(escalation.PickedUpAtUtc);
        var stored = await fixture.CaseAsync(supportCase.Id);
        Assert.Equal(SupportTier.Tier2, stored.Tier);
        Assert.Equal(Bruno.UserId, stored.AssigneeId);
        await using var db = await fixture.DbAsync();
        Assert.Equal(Start.UtcDateTime, (await db.StaffProfiles.AsNoTracking().SingleAsync(p => p.UserId == Bruno.UserId)).LastAssignedAtUtc);
        Assert.Contains(await EventsAsync(supportCase.Id), e => e == "Assigned to Bruno Baker: Bruno Baker: available now, no open escalations, the only one available now");
    }

    [Fact]
    public async Task When_nobody_works_now_the_escalation_goes_to_whoever_is_back_first()
    {
        var supportCase = await fixture.OpenCaseAsync();
        // Alma is back Thursday 09:00 Central, Bruno on Friday.
        Assert.Null(await fixture.Roster.AddTimeOffAsync(Alma.UserId, Start, Start.AddDays(1), "training"));
        Assert.Null(await fixture.Roster.AddTimeOffAsync(Bruno.UserId, Start, Start.AddDays(2), "training"));

        var result = await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, "Needs a code change", Tina);

        Assert.True(result.Succeeded, result.Message);
        var escalation = await OpenEscalationAsync(supportCase.Id);
        Assert.Equal(Alma.UserId, escalation.AssigneeId);
        Assert.Equal("Alma Able: available Thu 09:00 CST, no open escalations, first to start", escalation.AssignedBecause);
        // The pickup clock counts Tier 2-3 time from the escalation, whoever has it.
        Assert.Equal(PickupDue.UtcDateTime, escalation.PickupDueAtUtc);
        Assert.Equal(Alma.UserId, (await fixture.CaseAsync(supportCase.Id)).AssigneeId);
    }

    [Fact]
    public async Task Among_engineers_who_can_start_now_the_lower_weighted_load_wins_even_over_the_less_recently_assigned()
    {
        var critical = await fixture.OpenCaseAsync(CaseSeverity.Critical);
        var question = await fixture.OpenCaseAsync(CaseSeverity.Question);
        var normal = await fixture.OpenCaseAsync(CaseSeverity.Normal);

        Assert.True((await Desk.EscalateAsync(critical.Id, SupportTier.Tier2, "Outage", Tina)).Succeeded);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Desk.EscalateAsync(question.Id, SupportTier.Tier2, "How does the API page?", Tina)).Succeeded);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Desk.EscalateAsync(normal.Id, SupportTier.Tier2, "Export is slow", Tina)).Succeeded);

        var first = await OpenEscalationAsync(critical.Id);
        Assert.Equal(Alma.UserId, first.AssigneeId);
        Assert.Equal("Alma Able: available now, no open escalations, equal load and last assignment, first by name", first.AssignedBecause);
        var second = await OpenEscalationAsync(question.Id);
        Assert.Equal(Bruno.UserId, second.AssigneeId);
        Assert.Equal("Bruno Baker: available now, no open escalations, lowest load", second.AssignedBecause);
        // Bruno (load 1, assigned a minute ago) beats Alma (load 4, assigned two minutes ago): load comes before recency.
        var third = await OpenEscalationAsync(normal.Id);
        Assert.Equal(Bruno.UserId, third.AssigneeId);
        Assert.Equal("Bruno Baker: available now, 1 open escalation, lowest load", third.AssignedBecause);

        var tier2 = await fixture.Roster.ListAsync(SupportTier.Tier2);
        var alma = Assert.Single(tier2, m => m.UserId == Alma.UserId);
        var bruno = Assert.Single(tier2, m => m.UserId == Bruno.UserId);
        Assert.Equal((1, 4), (alma.OpenEscalations, alma.Load));
        Assert.Equal((2, 3), (bruno.OpenEscalations, bruno.Load));
    }

    [Fact]
    public async Task When_every_engineer_is_at_capacity_the_escalation_waits_unassigned_until_a_hand_back_frees_someone()
    {
        var (a, b) = await BothAtCapacityOfOneAsync();
        var waiting = await fixture.OpenCaseAsync();

        var result = await Desk.EscalateAsync(waiting.Id, SupportTier.Tier2, "Third", Tina);

        Assert.True(result.Succeeded, result.Message);
        Assert.StartsWith($"{Number(waiting)} is escalated to Tier 2; Nobody yet: every Tier 2 engineer is at capacity (Alma Able 1/1, Bruno Baker 1/1)", result.Message);
        var unassigned = await OpenEscalationAsync(waiting.Id);
        Assert.Null(unassigned.AssigneeId);
        Assert.Null(unassigned.AssignedAtUtc);
        Assert.StartsWith("Nobody yet: every Tier 2 engineer is at capacity (Alma Able 1/1, Bruno Baker 1/1)", unassigned.AssignedBecause);
        var stored = await fixture.CaseAsync(waiting.Id);
        Assert.Equal(SupportTier.Tier2, stored.Tier);
        Assert.Null(stored.AssigneeId);

        // Nobody has room yet: the job leaves it waiting.
        Assert.Equal(0, await Escalations.AssignWaitingAsync());
        Assert.Null((await OpenEscalationAsync(waiting.Id)).AssigneeId);

        fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True((await Desk.HandBackAsync(a.Id, "Config fixed; please confirm with the customer.", Alma)).Succeeded);

        Assert.Equal(1, await Escalations.AssignWaitingAsync());

        var assigned = await OpenEscalationAsync(waiting.Id);
        Assert.Equal(Alma.UserId, assigned.AssigneeId);
        Assert.Equal(Start.AddMinutes(30).UtcDateTime, assigned.AssignedAtUtc);
        Assert.StartsWith("Alma Able: available now, no open escalations", assigned.AssignedBecause);
        Assert.Equal(Alma.UserId, (await fixture.CaseAsync(waiting.Id)).AssigneeId);
        Assert.Contains(await EventsAsync(waiting.Id), e => e.StartsWith("An engineer has room now. Assigned to Alma Able: ", StringComparison.Ordinal));
        // Bruno's escalation is untouched, and a second run finds nothing left to do.
        Assert.Equal(Bruno.UserId, (await OpenEscalationAsync(b.Id)).AssigneeId);
        Assert.Equal(0, await Escalations.AssignWaitingAsync());
        Assert.Equal(Alma.UserId, (await OpenEscalationAsync(waiting.Id)).AssigneeId);
    }

    // ---- Time off ----

    [Fact]
    public async Task Time_off_moves_the_engineers_unstarted_escalations_to_whoever_can_start_first_and_leaves_started_ones()
    {
        var unstarted = await fixture.OpenCaseAsync();
        var started = await fixture.OpenCaseAsync();
        Assert.True((await Desk.EscalateAsync(unstarted.Id, SupportTier.Tier2, "Unstarted", Tina)).Succeeded);
        Assert.True((await Desk.EscalateAsync(started.Id, SupportTier.Tier2, "Started", Tina)).Succeeded);
        Assert.Equal(Alma.UserId, (await OpenEscalationAsync(unstarted.Id)).AssigneeId);
        Assert.True((await Desk.AssignEscalationAsync(started.Id, Alma.UserId, "She wrote the exporter", Maria)).Succeeded);
        Assert.True((await Desk.PickUpAsync(started.Id, Alma)).Succeeded);
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(await fixture.Roster.AddTimeOffAsync(Alma.UserId, fixture.Clock.GetUtcNow(), Start.AddDays(2), "sick"));
        // The time-off event also does this in the background; whichever runs first moves it, the other finds it done.
        await Escalations.ReassignUnstartedAsync(Alma.UserId);

        var moved = await OpenEscalationAsync(unstarted.Id);
        Assert.Equal(Bruno.UserId, moved.AssigneeId);
        Assert.Equal(Start.AddMinutes(10).UtcDateTime, moved.AssignedAtUtc);
        Assert.StartsWith("Bruno Baker: available now", moved.AssignedBecause);
        Assert.Equal(Bruno.UserId, (await fixture.CaseAsync(unstarted.Id)).AssigneeId);
        Assert.Single(await EventsAsync(unstarted.Id), e => e.StartsWith("Alma Able is away. Assigned to Bruno Baker: ", StringComparison.Ordinal));
        var kept = await OpenEscalationAsync(started.Id);
        Assert.Equal(Alma.UserId, kept.AssigneeId);
        Assert.Equal(Start.UtcDateTime, kept.PickedUpAtUtc);
        Assert.Equal(Alma.UserId, (await fixture.CaseAsync(started.Id)).AssigneeId);
    }

    [Fact]
    public async Task Leave_next_month_or_a_re_saved_profile_leaves_todays_escalations_with_their_engineer()
    {
        var (a, _) = await BothAtCapacityOfOneAsync();
        var hours = WeeklyHoursOfWholeWindow();

        // Both at capacity: re-deciding must not count Alma's own escalation against her and leave it with nobody.
        Assert.Equal(0, await Escalations.ReassignUnstartedAsync(Alma.UserId));
        Assert.Equal(Alma.UserId, (await OpenEscalationAsync(a.Id)).AssigneeId);

        // Leave a month ahead: she still starts now, so the tie-breaks never take the work from her.
        await fixture.Roster.SetScheduleAsync(Bruno.UserId, 5, hours);
        Assert.Null(await fixture.Roster.AddTimeOffAsync(Alma.UserId, Start.AddDays(30), Start.AddDays(35), "vacation next month"));
        Assert.Equal(0, await Escalations.ReassignUnstartedAsync(Alma.UserId));
        Assert.Equal(Alma.UserId, (await OpenEscalationAsync(a.Id)).AssigneeId);
        Assert.Equal(Alma.UserId, (await fixture.CaseAsync(a.Id)).AssigneeId);
    }

    [Fact]
    public async Task Four_assign_runs_at_once_give_a_waiting_escalation_to_one_engineer_once()
    {
        var (a, _) = await BothAtCapacityOfOneAsync();
        var waiting = await fixture.OpenCaseAsync();
        Assert.True((await Desk.EscalateAsync(waiting.Id, SupportTier.Tier2, "Third", Tina)).Succeeded);
        Assert.True((await Desk.HandBackAsync(a.Id, "Done here.", Alma)).Succeeded);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Escalations.AssignWaitingAsync()));

        Assert.Equal(1, runs.Sum());
        Assert.Equal(Alma.UserId, (await OpenEscalationAsync(waiting.Id)).AssigneeId);
        Assert.Single(await EventsAsync(waiting.Id), e => e.StartsWith("An engineer has room now. Assigned to Alma Able: ", StringComparison.Ordinal));
    }

    /// <summary>Alma and Bruno take one open escalation each, and each has one: both are at capacity.</summary>
    private async Task<(SupportCase A, SupportCase B)> BothAtCapacityOfOneAsync()
    {
        var hours = WeeklyHoursOfWholeWindow();
        await fixture.Roster.SetScheduleAsync(Alma.UserId, 1, hours);
        await fixture.Roster.SetScheduleAsync(Bruno.UserId, 1, hours);
        var a = await fixture.OpenCaseAsync();
        var b = await fixture.OpenCaseAsync();
        Assert.True((await Desk.EscalateAsync(a.Id, SupportTier.Tier2, "First", Tina)).Succeeded);
        Assert.True((await Desk.EscalateAsync(b.Id, SupportTier.Tier2, "Second", Tina)).Succeeded);
        Assert.Equal(Alma.UserId, (await OpenEscalationAsync(a.Id)).AssigneeId);
        Assert.Equal(Bruno.UserId, (await OpenEscalationAsync(b.Id)).AssigneeId);
        return (a, b);
    }

    [Fact]
    public async Task Time_off_reassigns_through_the_roster_event_without_anyone_calling_the_job()
    {
        var supportCase = await fixture.OpenCaseAsync();
        Assert.True((await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, "Needs an engineer", Tina)).Succeeded);
        Assert.Equal(Alma.UserId, (await OpenEscalationAsync(supportCase.Id)).AssigneeId);
        var reassigned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = fixture.Get<CaseChangeNotifier>().Subscribe(change =>
        {
            if (change.CaseId == supportCase.Id && change.Kind == CaseChangeKind.Claimed)
            {
                reassigned.TrySetResult();
            }
            return Task.CompletedTask;
        });

        Assert.Null(await fixture.Roster.AddTimeOffAsync(Alma.UserId, Start, Start.AddDays(1), "sick"));
        await reassigned.Task.WaitAsync(TimeSpan.FromSeconds(15)); // published after the re-assignment committed

        Assert.Equal(Bruno.UserId, (await OpenEscalationAsync(supportCase.Id)).AssigneeId);
        Assert.Equal(Bruno.UserId, (await fixture.CaseAsync(supportCase.Id)).AssigneeId);
    }

    // ---- Pickup ----

    [Fact]
    public async Task Only_an_engineer_of_the_cases_tier_can_pick_it_up_and_pickup_stops_the_clock()
    {
        var supportCase = await fixture.OpenCaseAsync(CaseSeverity.High);
        Assert.True((await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier3, "Kernel driver bug", Tina)).Succeeded);
        var escalation = await OpenEscalationAsync(supportCase.Id);
        Assert.Equal(Tess.UserId, escalation.AssigneeId);
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));

        var byTier2 = await Desk.PickUpAsync(supportCase.Id, Alma);
        var byTier1 = await Desk.PickUpAsync(supportCase.Id, Tina);

        Assert.Equal(DeskResult.Refused("Only a Tier 3 engineer can pick up this case."), byTier2);
        Assert.Equal(DeskResult.Refused("Only a Tier 3 engineer can pick up this case."), byTier1);
        var untouched = await OpenEscalationAsync(supportCase.Id);
        Assert.Null(untouched.PickedUpAtUtc);
        Assert.Equal(Tess.UserId, untouched.AssigneeId);
        Assert.Equal(escalation.Version, untouched.Version);

        var byTier3 = await Desk.PickUpAsync(supportCase.Id, Tess);

        Assert.Equal(DeskResult.Ok($"{Number(supportCase)} is yours."), byTier3);
        var picked = await OpenEscalationAsync(supportCase.Id);
        Assert.Equal(Start.AddMinutes(20).UtcDateTime, picked.PickedUpAtUtc);
        Assert.Equal(Tess.UserId, picked.AssigneeId);
        Assert.Equal(Tess.UserId, (await fixture.CaseAsync(supportCase.Id)).AssigneeId);
        Assert.Contains(await EventsAsync(supportCase.Id), e => e == "Tess Third picked up the escalation, within the pickup target.");
        Assert.Equal(DeskResult.Ok($"{Number(supportCase)} is already yours."), await Desk.PickUpAsync(supportCase.Id, Tess));

        // A picked-up escalation is never at risk or breached.
        fixture.Clock.SetUtcNow(PickupDue.AddHours(1));
        Assert.Equal(0, await Escalations.RecordDueAsync());
        var after = await OpenEscalationAsync(supportCase.Id);
        Assert.Null(after.PickupAtRiskRecordedAtUtc);
        Assert.Null(after.PickupBreachRecordedAtUtc);
    }

    [Fact]
    public async Task The_pickup_clock_records_at_risk_and_breach_once_each_and_alerts_the_assignee_the_tier_and_managers_but_not_tier_1()
    {
        var waiting = await fixture.OpenCaseAsync(CaseSeverity.High);
        var pickedUp = await fixture.OpenCaseAsync(CaseSeverity.Normal);
        Assert.True((await Desk.EscalateAsync(waiting.Id, SupportTier.Tier2, "Nobody looks at this", Tina)).Succeeded);
        Assert.True((await Desk.EscalateAsync(pickedUp.Id, SupportTier.Tier2, "Someone looks at this", Tina)).Succeeded);
        Assert.Equal(Alma.UserId, (await OpenEscalationAsync(waiting.Id)).AssigneeId);
        Assert.True((await Desk.PickUpAsync(pickedUp.Id, Bruno)).Succeeded);
        // The assignee, every active Tier 2 engineer (those on leave too) and every manager, each once.
        var expected = (await fixture.UsersInRolesAsync(Roles.Tier2, Roles.Manager)).Select(u => u.UserId).Order().ToList();
        Assert.Contains(Alma.UserId, expected);
        Assert.Contains(Bruno.UserId, expected);
        Assert.Contains(Maria.UserId, expected);
        Assert.DoesNotContain(Tina.UserId, expected);
        Assert.DoesNotContain(Tess.UserId, expected);

        // Before the at-risk instant nothing is due.
        fixture.Clock.SetUtcNow(PickupAtRisk.AddSeconds(-1));
        Assert.Equal(0, await Escalations.RecordDueAsync());

        var atRiskAt = PickupAtRisk.AddMinutes(1);
        fixture.Clock.SetUtcNow(atRiskAt);
        var atRisk = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Escalations.RecordDueAsync())));
        var atRiskAgain = await Escalations.RecordDueAsync();

        Assert.Equal(1, atRisk.Sum());
        Assert.Equal(0, atRiskAgain);
        var escalation = await OpenEscalationAsync(waiting.Id);
        Assert.Equal(atRiskAt.UtcDateTime, escalation.PickupAtRiskRecordedAtUtc);
        Assert.Null(escalation.PickupBreachRecordedAtUtc);
        Assert.Equal(expected, await RecipientsAsync(waiting.Id, EscalationClock.AtRiskKind));
        Assert.Empty(await RecipientsAsync(waiting.Id, EscalationClock.BreachKind));

        var breachAt = PickupDue.AddMinutes(1);
        fixture.Clock.SetUtcNow(breachAt);
        var breach = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Escalations.RecordDueAsync())));
        var breachAgain = await Escalations.RecordDueAsync();

        Assert.Equal(1, breach.Sum());
        Assert.Equal(0, breachAgain);
        escalation = await OpenEscalationAsync(waiting.Id);
        Assert.Equal(atRiskAt.UtcDateTime, escalation.PickupAtRiskRecordedAtUtc);
        Assert.Equal(breachAt.UtcDateTime, escalation.PickupBreachRecordedAtUtc);
        Assert.Equal(expected, await RecipientsAsync(waiting.Id, EscalationClock.AtRiskKind)); // not again
        Assert.Equal(expected, await RecipientsAsync(waiting.Id, EscalationClock.BreachKind));
        await using (var db = await fixture.DbAsync())
        {
            var breachNote = await db.Notifications.AsNoTracking().FirstAsync(n => n.CaseId == waiting.Id && n.Kind == EscalationClock.BreachKind);
            Assert.Equal($"{Number(waiting)} pickup breached", breachNote.Title);
            Assert.Equal($"/cases/{Number(waiting)}", breachNote.Link);
            // Tier 1 (and Tier 3) hear nothing of a Tier 2 pickup.
            Assert.False(await db.Notifications.AnyAsync(n => n.CaseId == waiting.Id && (n.RecipientUserId == Tina.UserId || n.RecipientUserId == Tess.UserId)));
            // The escalation someone picked up raised nothing.
            Assert.False(await db.Notifications.AnyAsync(n => n.CaseId == pickedUp.Id && (n.Kind == EscalationClock.AtRiskKind || n.Kind == EscalationClock.BreachKind)));
        }
        var events = await EventsAsync(waiting.Id);
        Assert.Single(events, e => e == "The Tier 2 pickup is at risk.");
        Assert.Single(events, e => e == "The Tier 2 pickup target was missed.");
        var other = await OpenEscalationAsync(pickedUp.Id);
        Assert.Null(other.PickupAtRiskRecordedAtUtc);
        Assert.Null(other.PickupBreachRecordedAtUtc);
    }

    // ---- Hand back ----

    [Fact]
    public async Task Handing_back_returns_the_case_to_tier_1_unassigned_and_ends_the_escalation()
    {
        var supportCase = await fixture.OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, Tina)).Succeeded);
        Assert.True((await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, "Needs an engineer", Tina)).Succeeded);
        Assert.True((await Desk.PickUpAsync(supportCase.Id, Alma)).Succeeded);
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        var result = await Desk.HandBackAsync(supportCase.Id, "  Config fixed; please confirm with the customer.  ", Alma);

        Assert.True(result.Succeeded, result.Message);
        var stored = await fixture.CaseAsync(supportCase.Id);
        Assert.Equal(SupportTier.Tier1, stored.Tier);
        Assert.Null(stored.AssigneeId);
        Assert.Equal(CaseStatus.Open, stored.Status);
        await using (var db = await fixture.DbAsync())
        {
            var escalation = await db.Escalations.AsNoTracking().SingleAsync(e => e.CaseId == supportCase.Id);
            Assert.Equal(Start.AddHours(1).UtcDateTime, escalation.EndedAtUtc);
            Assert.False(await db.Escalations.AnyAsync(e => e.CaseId == supportCase.Id && e.EndedAtUtc == null));
        }
        Assert.Contains(await EventsAsync(supportCase.Id), e => e == "Alma Able handed the case back to Tier 1: Config fixed; please confirm with the customer.");
        var alma = Assert.Single(await fixture.Roster.ListAsync(SupportTier.Tier2), m => m.UserId == Alma.UserId);
        Assert.Equal((0, 0), (alma.OpenEscalations, alma.Load));

        Assert.Equal(DeskResult.Refused($"{Number(supportCase)} is not with Tier 2 or 3."), await Desk.HandBackAsync(supportCase.Id, "Again", Alma));
        Assert.False((await Desk.HandBackAsync(supportCase.Id, "  ", Alma)).Succeeded);
    }

    // ---- POST /api/cases/{number}/escalations ----

    [Fact]
    public async Task The_api_escalates_and_answers_with_the_case_and_its_escalation()
    {
        var supportCase = await fixture.OpenCaseAsync();
        using var api = fixture.Api();

        var response = await api.PostAsJsonAsync($"/api/cases/{Number(supportCase)}/escalations",
            new { tier = 2, reason = "Export fails for every customer on v5.", author = "tier1@supportconsole.local" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(Number(supportCase), json.GetProperty("number").GetString());
        Assert.Equal(2, json.GetProperty("tier").GetInt32());
        Assert.Equal("alma@supportconsole.local", json.GetProperty("assignee").GetString());
        var escalation = json.GetProperty("escalation");
        Assert.Equal(2, escalation.GetProperty("tier").GetInt32());
        Assert.Equal("Export fails for every customer on v5.", escalation.GetProperty("reason").GetString());
        Assert.Equal("tier1@supportconsole.local", escalation.GetProperty("escalatedBy").GetString());
        Assert.Equal("2027-02-17T15:00:00Z", escalation.GetProperty("escalatedAt").GetString());
        Assert.Equal("alma@supportconsole.local", escalation.GetProperty("assignee").GetString());
        Assert.StartsWith("Alma Able: available now", escalation.GetProperty("assignedBecause").GetString());
        Assert.Equal("2027-02-17T19:00:00Z", escalation.GetProperty("pickupDueAt").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, escalation.GetProperty("pickedUpAt").ValueKind);
        var stored = await OpenEscalationAsync(supportCase.Id);
        Assert.Equal(Alma.UserId, stored.AssigneeId);
        Assert.Equal(Tina.UserId, stored.EscalatedById);
        Assert.Equal(SupportTier.Tier2, (await fixture.CaseAsync(supportCase.Id)).Tier);
    }

    [Fact]
    public async Task The_api_answers_409_for_a_closed_case_or_one_already_at_that_tier()
    {
        var closed = await fixture.OpenCaseAsync();
        Assert.True((await Desk.ChangeStatusAsync(closed.Id, CaseStatus.Closed, Tina)).Succeeded);
        var escalated = await fixture.OpenCaseAsync();
        Assert.True((await Desk.EscalateAsync(escalated.Id, SupportTier.Tier2, "First time", Tina)).Succeeded);
        using var api = fixture.Api();

        var onClosed = await api.PostAsJsonAsync($"/api/cases/{Number(closed)}/escalations", new { tier = 2, reason = "Customer insists", author = "tier1@supportconsole.local" });
        var again = await api.PostAsJsonAsync($"/api/cases/{Number(escalated)}/escalations", new { tier = 2, reason = "Again", author = "tier1@supportconsole.local" });

        Assert.Equal(HttpStatusCode.Conflict, onClosed.StatusCode);
        Assert.Equal($"{Number(closed)} is closed; only open cases are escalated.", (await onClosed.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("The case is already with Tier 2.", (await again.JsonAsync()).GetProperty("detail").GetString());
        var storedClosed = await fixture.CaseAsync(closed.Id);
        Assert.Equal(SupportTier.Tier1, storedClosed.Tier);
        Assert.Equal(CaseStatus.Closed, storedClosed.Status);
        await using var db = await fixture.DbAsync();
        Assert.False(await db.Escalations.AnyAsync(e => e.CaseId == closed.Id));
        Assert.Equal(1, await db.Escalations.CountAsync(e => e.CaseId == escalated.Id));
    }

    [Theory]
    [InlineData(1, "Back to the front line", "tier")]
    [InlineData(4, "Beyond tier 3", "tier")]
    [InlineData(2, "", "reason")]
    [InlineData(2, null, "reason")]
    public async Task The_api_answers_400_for_tier_1_or_a_missing_reason(int tier, string? reason, string field)
    {
        var supportCase = await fixture.OpenCaseAsync();
        using var api = fixture.Api();

        var response = await api.PostAsJsonAsync($"/api/cases/{Number(supportCase)}/escalations", new { tier, reason, author = "tier1@supportconsole.local" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        Assert.Equal(SupportTier.Tier1, (await fixture.CaseAsync(supportCase.Id)).Tier);
        await using var db = await fixture.DbAsync();
        Assert.False(await db.Escalations.AnyAsync(e => e.CaseId == supportCase.Id));
    }

    // ---- Helpers ----

    private static string Number(SupportCase supportCase) => EngineeringDeskHost.Number(supportCase);

    private WeeklyHours WeeklyHoursOfWholeWindow() =>
        WeeklyHours.WholeWindow(fixture.Get<BusinessCalendar>().Current.Tier23Hours);

    private async Task<Escalation> OpenEscalationAsync(long caseId)
    {
        await using var db = await fixture.DbAsync();
        return await db.Escalations.AsNoTracking().SingleAsync(e => e.CaseId == caseId && e.EndedAtUtc == null);
    }

    private async Task<List<string>> EventsAsync(long caseId)
    {
        await using var db = await fixture.DbAsync();
        return await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == caseId && e.Kind == CaseEntryKind.SystemEvent).OrderBy(e => e.Id).Select(e => e.Body).ToListAsync();
    }

    /// <summary>Who got a notification of the kind on the case, one entry per notification, in id order of the user.</summary>
    private async Task<List<string>> RecipientsAsync(long caseId, string kind)
    {
        await using var db = await fixture.DbAsync();
        return (await db.Notifications.AsNoTracking().Where(n => n.CaseId == caseId && n.Kind == kind).Select(n => n.RecipientUserId).ToListAsync()).Order().ToList();
    }
}
