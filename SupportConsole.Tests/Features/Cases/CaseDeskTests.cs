using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases;

/// <summary>
/// One Development app (demo agents and customers) on a fixed clock, shared by every <see cref="CaseDeskTests"/> test,
/// with a few agents of its own: six for the claim race and one disabled account.
/// </summary>
public sealed class CaseDeskApp : IAsyncLifetime
{
    /// <summary>Wednesday 2027-02-17 09:00 Central: Tier 1 is open, and every deadline lies ahead of the real clock too.</summary>
    public static readonly DateTimeOffset Now = new(2027, 2, 17, 15, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);
    public AppFactory App { get; }

    public Actor Tina { get; private set; } = null!;
    public Actor Theo { get; private set; } = null!;
    public Actor Maria { get; private set; } = null!;
    public string DisabledUserId { get; private set; } = "";
    public IReadOnlyList<Actor> RaceAgents { get; private set; } = [];

    /// <summary>Every change the desk published, as the live pages would see it.</summary>
    public ConcurrentQueue<CaseChange> Published { get; } = new();

    private IDisposable? subscription;

    public CaseDeskApp() => App = new AppFactory { Clock = Clock };

    public CaseDesk Desk => App.Services.GetRequiredService<CaseDesk>();

    public async ValueTask InitializeAsync()
    {
        _ = App.Services; // start the host (migrations, demo data, calendar)
        subscription = App.Services.GetRequiredService<CaseChangeNotifier>().Subscribe(change =>
        {
            Published.Enqueue(change);
            return Task.CompletedTask;
        });
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        Tina = Actors.Of((await users.FindByEmailAsync("tier1@supportconsole.local"))!);
        Theo = Actors.Of((await users.FindByEmailAsync("tier1b@supportconsole.local"))!);
        Maria = Actors.Of((await users.FindByEmailAsync("manager@supportconsole.local"))!);
        DisabledUserId = (await CreateAgentAsync(users, "gone@supportconsole.local", "Gina Gone", disabled: true)).Id;
        var race = new List<Actor>();
        for (var i = 1; i <= 6; i++)
        {
            var racer = await CreateAgentAsync(users, $"racer{i}@supportconsole.local", $"Racer {i}", disabled: false);
            Assert.True((await users.AddToRoleAsync(racer, Roles.Tier1)).Succeeded);
            race.Add(Actors.Of(racer));
        }
        RaceAgents = race;
    }

    private static async Task<AgentUser> CreateAgentAsync(UserManager<AgentUser> users, string email, string name, bool disabled)
    {
        var user = new AgentUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsDisabled = disabled };
        var created = await users.CreateAsync(user);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return user;
    }

    public async Task<SupportConsoleDbContext> DbAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Every action of <see cref="CaseDesk"/>, through the real service and database: what it says, stores and records.</summary>
public sealed class CaseDeskTests(CaseDeskApp fixture) : IClassFixture<CaseDeskApp>
{
    private CaseDesk Desk => fixture.Desk;
    private Actor Tina => fixture.Tina;
    private Actor Theo => fixture.Theo;
    private Actor Maria => fixture.Maria;

    // ---- Claim ----

    [Fact]
    public async Task Claim_gives_the_case_to_the_agent_records_it_in_the_history_and_publishes_the_change()
    {
        var supportCase = await OpenCaseAsync();

        var result = await Desk.ClaimAsync(supportCase.Id, Tina);

        Assert.Equal(DeskResult.Ok($"{Number(supportCase)} is yours."), result);
        var stored = await CaseAsync(supportCase.Id);
        Assert.Equal(Tina.UserId, stored.AssigneeId);
        Assert.Equal(supportCase.Version + 1, stored.Version);
        var claimed = Assert.Single(await NewEventsAsync(supportCase.Id));
        Assert.Equal("Tina Tier1 claimed the case.", claimed.Body);
        Assert.Equal(CaseEntry.SystemAuthor, claimed.Author);
        Assert.Equal(CaseDeskApp.Now.UtcDateTime, claimed.AtUtc);
        var change = Assert.Single(fixture.Published, c => c.CaseId == supportCase.Id && c.Kind is not (CaseChangeKind.Created or CaseChangeKind.SlaStateChanged));
        Assert.Equal(CaseChangeKind.Claimed, change.Kind);
    }

    [Fact]
    public async Task Claim_of_a_case_another_agent_holds_is_refused_naming_the_holder_and_changes_nothing()
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, Tina)).Succeeded);
        var before = await CaseAsync(supportCase.Id);

        var result = await Desk.ClaimAsync(supportCase.Id, Theo);

        Assert.Equal(DeskResult.Refused($"Tina Tier1 already has {Number(supportCase)}."), result);
        var after = await CaseAsync(supportCase.Id);
        Assert.Equal(Tina.UserId, after.AssigneeId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(["Tina Tier1 claimed the case."], await NewEventTextsAsync(supportCase.Id));
        Assert.Single(fixture.Published, c => c.CaseId == supportCase.Id && c.Kind == CaseChangeKind.Claimed);
    }

    [Fact]
    public async Task Claiming_your_own_case_again_says_it_is_already_yours_and_records_nothing_new()
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, Tina)).Succeeded);
        var before = await CaseAsync(supportCase.Id);

        var result = await Desk.ClaimAsync(supportCase.Id, Tina);

        Assert.Equal(DeskResult.Ok($"{Number(supportCase)} is already yours."), result);
        var after = await CaseAsync(supportCase.Id);
        Assert.Equal(Tina.UserId, after.AssigneeId);
        Assert.Equal(before.Version, after.Version);
        Assert.Single(await NewEventsAsync(supportCase.Id));
    }

    [Fact]
    public async Task Claim_of_a_closed_case_is_refused_until_it_is_reopened()
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ChangeStatusAsync(supportCase.Id, CaseStatus.Closed, Maria)).Succeeded);

        var result = await Desk.ClaimAsync(supportCase.Id, Tina);

        Assert.Equal(DeskResult.Refused($"{Number(supportCase)} is closed; reopen it first."), result);
        Assert.Null((await CaseAsync(supportCase.Id)).AssigneeId);
        Assert.Equal(["Maria Manager set the status to Closed."], await NewEventTextsAsync(supportCase.Id));
    }

    [Fact]
    public async Task Six_agents_claiming_one_case_at_once_have_exactly_one_winner_and_the_others_are_told_who()
    {
        var supportCase = await OpenCaseAsync();
        var agents = fixture.RaceAgents;
        Assert.Equal(6, agents.Count);

        var results = await Task.WhenAll(agents.Select(a => Task.Run(() => Desk.ClaimAsync(supportCase.Id, a))));

        var winners = results.Select((r, i) => (Result: r, Agent: agents[i])).Where(x => x.Result.Succeeded).ToList();
        var winner = Assert.Single(winners).Agent;
        Assert.Equal($"{Number(supportCase)} is yours.", results[agents.ToList().IndexOf(winner)].Message);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal($"{winner.Name} already has {Number(supportCase)}.", r.Message));
        var stored = await CaseAsync(supportCase.Id);
        Assert.Equal(winner.UserId, stored.AssigneeId);
        Assert.Equal(supportCase.Version + 1, stored.Version);
        Assert.Equal([$"{winner.Name} claimed the case."], await NewEventTextsAsync(supportCase.Id));
    }

    // ---- Release ----

    [Fact]
    public async Task The_holder_releases_the_case_back_to_the_queue()
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, Tina)).Succeeded);

        var result = await Desk.ReleaseAsync(supportCase.Id, Tina, isManager: false);

        Assert.Equal(DeskResult.Ok($"{Number(supportCase)} is back in the queue."), result);
        Assert.Null((await CaseAsync(supportCase.Id)).AssigneeId);
        Assert.Equal(["Tina Tier1 claimed the case.", "Tina Tier1 released the case back to the queue."], await NewEventTextsAsync(supportCase.Id));
        Assert.Contains(fixture.Published, c => c.CaseId == supportCase.Id && c.Kind == CaseChangeKind.Released);
    }

    [Fact]
    public async Task Another_agent_cannot_release_a_case_they_do_not_hold()
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, Tina)).Succeeded);

        var result = await Desk.ReleaseAsync(supportCase.Id, Theo, isManager: false);

        Assert.Equal(DeskResult.Refused("Only Tina Tier1 or a manager can release it."), result);
        Assert.Equal(Tina.UserId, (await CaseAsync(supportCase.Id)).AssigneeId);
        Assert.Equal(["Tina Tier1 claimed the case."], await NewEventTextsAsync(supportCase.Id));
    }

    [Fact]
    public async Task A_manager_may_release_a_case_someone_else_holds()
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, Tina)).Succeeded);

        var result = await Desk.ReleaseAsync(supportCase.Id, Maria, isManager: true);

        Assert.True(result.Succeeded, result.Message);
        Assert.Null((await CaseAsync(supportCase.Id)).AssigneeId);
        Assert.Equal("Maria Manager released the case back to the queue.", (await NewEventTextsAsync(supportCase.Id))[^1]);
    }

    [Fact]
    public async Task Releasing_a_case_nobody_holds_is_refused()
    {
        var supportCase = await OpenCaseAsync();

        var result = await Desk.ReleaseAsync(supportCase.Id, Maria, isManager: true);

        Assert.Equal(DeskResult.Refused("Nobody holds this case."), result);
        Assert.Equal(supportCase.Version, (await CaseAsync(supportCase.Id)).Version);
        Assert.Empty(await NewEventsAsync(supportCase.Id));
    }

    // ---- Reassign ----

    [Fact]
    public async Task Reassign_hands_the_case_to_an_active_agent_and_not_twice()
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, Tina)).Succeeded);

        var result = await Desk.ReassignAsync(supportCase.Id, Theo.UserId, Maria);
        var again = await Desk.ReassignAsync(supportCase.Id, Theo.UserId, Maria);

        Assert.Equal(DeskResult.Ok($"{Number(supportCase)} is now with Theo Tier1."), result);
        Assert.Equal(DeskResult.Refused($"Theo Tier1 already has {Number(supportCase)}."), again);
        Assert.Equal(Theo.UserId, (await CaseAsync(supportCase.Id)).AssigneeId);
        Assert.Equal(["Tina Tier1 claimed the case.", "Maria Manager assigned the case to Theo Tier1."], await NewEventTextsAsync(supportCase.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reassign_to_a_disabled_or_unknown_user_is_refused(bool disabled)
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, Tina)).Succeeded);

        var result = await Desk.ReassignAsync(supportCase.Id, disabled ? fixture.DisabledUserId : "no-such-user", Maria);

        Assert.Equal(DeskResult.Refused("Choose an active agent to hand the case to."), result);
        Assert.Equal(Tina.UserId, (await CaseAsync(supportCase.Id)).AssigneeId);
        Assert.Equal(["Tina Tier1 claimed the case."], await NewEventTextsAsync(supportCase.Id));
    }

    // ---- Reply ----

    [Fact]
    public async Task First_reply_records_the_first_response_and_mails_the_customer_in_the_thread()
    {
        var customerMessageId = $"{Guid.NewGuid():N}@mail.acme.example";
        var supportCase = await OpenCaseAsync(messageId: customerMessageId);
        Assert.NotNull(supportCase.FirstResponseDueAtUtc); // a Pro Plus case with a commitment

        var result = await Desk.ReplyAsync(supportCase.Id, Tina, "  We are on it.  ");

        Assert.Equal(new ReplyResult(true, $"Reply sent to {supportCase.FromAddress}: first response recorded.", true), result);
        var stored = await CaseAsync(supportCase.Id);
        Assert.Equal(CaseDeskApp.Now.UtcDateTime, stored.FirstRespondedAtUtc);
        Assert.Equal(CaseStatus.Open, stored.Status);
        Assert.Equal(["First response by Tina Tier1: SLA met."], await NewEventTextsAsync(supportCase.Id));
        var mail = Assert.Single(await RepliesAsync(supportCase.Id));
        Assert.Equal(supportCase.FromAddress, mail.To);
        Assert.Equal($"Re: [{Number(supportCase)}] {supportCase.Subject}", mail.Subject);
        Assert.Contains("[SC-", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(customerMessageId, mail.InReplyTo);
        Assert.StartsWith("We are on it.\n\nTina Tier1\n", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"keep {Number(supportCase)} in the subject", mail.Body, StringComparison.Ordinal);
        Assert.EndsWith("@supportconsole.local", mail.MessageId, StringComparison.Ordinal);
        Assert.Equal(CaseDeskApp.Now.UtcDateTime, mail.CreatedAtUtc);
        var entry = Assert.Single(await EntriesAsync(supportCase.Id, CaseEntryKind.Reply));
        Assert.Equal("We are on it.", entry.Body);
        Assert.Equal(Tina.Email, entry.Author);
        Assert.Equal(mail.MessageId, entry.MessageId);
        Assert.Contains(fixture.Published, c => c.CaseId == supportCase.Id && c.Kind == CaseChangeKind.Replied);
    }

    [Fact]
    public async Task Second_reply_is_mailed_but_is_not_the_first_response()
    {
        var supportCase = await OpenCaseAsync(messageId: $"{Guid.NewGuid():N}@mail.acme.example");
        Assert.True((await Desk.ReplyAsync(supportCase.Id, Tina, "First answer")).WasFirstResponse);

        var second = await Desk.ReplyAsync(supportCase.Id, Theo, "Second answer");

        Assert.Equal(new ReplyResult(true, $"Reply sent to {supportCase.FromAddress}.", false), second);
        Assert.Equal(CaseDeskApp.Now.UtcDateTime, (await CaseAsync(supportCase.Id)).FirstRespondedAtUtc);
        Assert.Equal(["First response by Tina Tier1: SLA met."], await NewEventTextsAsync(supportCase.Id));
        var replies = await RepliesAsync(supportCase.Id);
        Assert.Equal(2, replies.Count);
        Assert.Equal(2, replies.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(["First answer", "Second answer"], (await EntriesAsync(supportCase.Id, CaseEntryKind.Reply)).Select(e => e.Body));
    }

    [Fact]
    public async Task Reply_answers_the_latest_customer_message_and_without_one_has_no_in_reply_to()
    {
        var threaded = await OpenCaseAsync(messageId: $"{Guid.NewGuid():N}@mail.acme.example");
        var followUp = $"{Guid.NewGuid():N}@mail.acme.example";
        await using (var db = await fixture.DbAsync())
        {
            db.CaseEntries.Add(new CaseEntry { CaseId = threaded.Id, Kind = CaseEntryKind.CustomerMessage, AtUtc = CaseDeskApp.Now.UtcDateTime, Author = threaded.FromAddress, Body = "More details", MessageId = followUp });
            await db.SaveChangesAsync();
        }
        var unthreaded = await OpenCaseAsync();

        Assert.True((await Desk.ReplyAsync(threaded.Id, Tina, "Thanks")).Succeeded);
        Assert.True((await Desk.ReplyAsync(unthreaded.Id, Tina, "Thanks")).Succeeded);

        Assert.Equal(followUp, Assert.Single(await RepliesAsync(threaded.Id)).InReplyTo);
        Assert.Null(Assert.Single(await RepliesAsync(unthreaded.Id)).InReplyTo);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public async Task Empty_reply_is_refused_and_sends_nothing(string body)
    {
        var supportCase = await OpenCaseAsync();

        var result = await Desk.ReplyAsync(supportCase.Id, Tina, body, CaseStatus.Resolved);

        Assert.Equal(new ReplyResult(false, "Write the reply first.", false), result);
        var stored = await CaseAsync(supportCase.Id);
        Assert.Null(stored.FirstRespondedAtUtc);
        Assert.Equal(CaseStatus.Open, stored.Status);
        Assert.Empty(await RepliesAsync(supportCase.Id));
        Assert.Empty(await EntriesAsync(supportCase.Id, CaseEntryKind.Reply));
    }

    [Fact]
    public async Task Reply_with_a_new_status_sets_it_and_records_both_events()
    {
        var supportCase = await OpenCaseAsync();

        var result = await Desk.ReplyAsync(supportCase.Id, Tina, "Could you send the logs?", CaseStatus.WaitingOnCustomer);

        Assert.True(result.Succeeded, result.Message);
        Assert.True(result.WasFirstResponse);
        var stored = await CaseAsync(supportCase.Id);
        Assert.Equal(CaseStatus.WaitingOnCustomer, stored.Status);
        Assert.NotNull(stored.FirstRespondedAtUtc);
        Assert.Equal(
            ["First response by Tina Tier1: SLA met.", "Tina Tier1 set the status to Waiting on customer."],
            await NewEventTextsAsync(supportCase.Id));
        Assert.Single(await RepliesAsync(supportCase.Id));
    }

    // ---- Notes ----

    [Fact]
    public async Task Note_is_an_internal_entry_that_mails_nobody_and_is_not_a_response()
    {
        var supportCase = await OpenCaseAsync();

        var result = await Desk.AddNoteAsync(supportCase.Id, Tina, "  Customer sounds upset; call first.  ");

        Assert.Equal(DeskResult.Ok("Internal note added (customers never see it)."), result);
        var note = Assert.Single(await EntriesAsync(supportCase.Id, CaseEntryKind.InternalNote));
        Assert.Equal("Customer sounds upset; call first.", note.Body);
        Assert.Equal(Tina.Email, note.Author);
        Assert.Null(note.MessageId);
        var stored = await CaseAsync(supportCase.Id);
        Assert.Null(stored.FirstRespondedAtUtc);
        Assert.Equal(supportCase.Version + 1, stored.Version);
        Assert.Empty(await RepliesAsync(supportCase.Id));
        Assert.Empty(await NewEventsAsync(supportCase.Id));
        Assert.Contains(fixture.Published, c => c.CaseId == supportCase.Id && c.Kind == CaseChangeKind.NoteAdded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Empty_note_is_refused(string body)
    {
        var supportCase = await OpenCaseAsync();

        var result = await Desk.AddNoteAsync(supportCase.Id, Tina, body);

        Assert.Equal(DeskResult.Refused("Write the note first."), result);
        Assert.Empty(await EntriesAsync(supportCase.Id, CaseEntryKind.InternalNote));
        Assert.Equal(supportCase.Version, (await CaseAsync(supportCase.Id)).Version);
    }

    // ---- Severity ----

    [Fact]
    public async Task Severity_change_is_stored_with_the_reason_in_the_history()
    {
        var supportCase = await OpenCaseAsync(CaseSeverity.Normal);

        var result = await Desk.ChangeSeverityAsync(supportCase.Id, CaseSeverity.Critical, "  Production is down now. ", Tina);

        Assert.Equal(DeskResult.Ok("Severity is now Critical."), result);
        Assert.Equal(CaseSeverity.Critical, (await CaseAsync(supportCase.Id)).Severity);
        Assert.Equal(["Tina Tier1 changed the severity from Normal to Critical: Production is down now."], await NewEventTextsAsync(supportCase.Id));
        Assert.Contains(fixture.Published, c => c.CaseId == supportCase.Id && c.Kind == CaseChangeKind.SeverityChanged);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public async Task Severity_change_without_a_reason_is_refused(string reason)
    {
        var supportCase = await OpenCaseAsync(CaseSeverity.Normal);

        var result = await Desk.ChangeSeverityAsync(supportCase.Id, CaseSeverity.High, reason, Tina);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Say why the severity changes", result.Message, StringComparison.Ordinal);
        Assert.Equal(CaseSeverity.Normal, (await CaseAsync(supportCase.Id)).Severity);
        Assert.Empty(await NewEventsAsync(supportCase.Id));
    }

    [Fact]
    public async Task Severity_change_to_the_same_severity_is_refused()
    {
        var supportCase = await OpenCaseAsync(CaseSeverity.High);

        var result = await Desk.ChangeSeverityAsync(supportCase.Id, CaseSeverity.High, "Still bad", Tina);

        Assert.Equal(DeskResult.Refused("The severity is already High."), result);
        Assert.Equal(supportCase.Version, (await CaseAsync(supportCase.Id)).Version);
        Assert.Empty(await NewEventsAsync(supportCase.Id));
    }

    // ---- Status ----

    [Fact]
    public async Task Status_change_is_stored_and_recorded_and_the_same_status_is_refused()
    {
        var supportCase = await OpenCaseAsync();

        var sameAsNow = await Desk.ChangeStatusAsync(supportCase.Id, CaseStatus.Open, Tina);
        var resolved = await Desk.ChangeStatusAsync(supportCase.Id, CaseStatus.Resolved, Tina);
        var again = await Desk.ChangeStatusAsync(supportCase.Id, CaseStatus.Resolved, Theo);

        Assert.Equal(DeskResult.Refused("The case is already open."), sameAsNow);
        Assert.Equal(DeskResult.Ok($"{Number(supportCase)} is resolved."), resolved);
        Assert.Equal(DeskResult.Refused("The case is already resolved."), again);
        var stored = await CaseAsync(supportCase.Id);
        Assert.Equal(CaseStatus.Resolved, stored.Status);
        Assert.Equal(supportCase.Version + 1, stored.Version);
        Assert.Equal(["Tina Tier1 set the status to Resolved."], await NewEventTextsAsync(supportCase.Id));
    }

    // ---- Escalation ----

    [Fact]
    public async Task Escalation_to_tier_2_leaves_the_tier_1_assignee_goes_to_a_tier_2_engineer_and_records_the_reason()
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, Tina)).Succeeded);

        var result = await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, " Reproduced; looks like a server bug. ", Tina);

        Assert.True(result.Succeeded, result.Message);
        Assert.StartsWith($"{Number(supportCase)} is escalated to Tier 2 and assigned to ", result.Message);
        var stored = await CaseAsync(supportCase.Id);
        Assert.Equal(SupportTier.Tier2, stored.Tier);
        Assert.NotNull(stored.AssigneeId);
        Assert.NotEqual(Tina.UserId, stored.AssigneeId);
        Assert.Equal(CaseStatus.Open, stored.Status);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AgentUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(stored.AssigneeId!))!, SupportConsole.Hosting.Roles.Tier2));
        var events = await NewEventTextsAsync(supportCase.Id);
        Assert.Equal("Tina Tier1 claimed the case.", events[0]);
        Assert.Equal("Tina Tier1 escalated the case to Tier 2: Reproduced; looks like a server bug.", events[1]);
        Assert.StartsWith("Assigned to ", events[2]);
        Assert.Contains(fixture.Published, c => c.CaseId == supportCase.Id && c.Kind == CaseChangeKind.Escalated);
    }

    [Fact]
    public async Task Escalation_goes_up_to_tier_3_and_no_further()
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, "Needs an engineer", Tina)).Succeeded);

        var toTier3 = await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier3, "Needs a senior engineer", Theo);
        var tier3Again = await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier3, "Still stuck", Theo);
        var backToTier2 = await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, "Wrong tier", Theo);

        Assert.True(toTier3.Succeeded, toTier3.Message);
        Assert.Equal(DeskResult.Refused("The case is already with Tier 3."), tier3Again);
        Assert.Equal(DeskResult.Refused("The case is already with Tier 3."), backToTier2);
        Assert.Equal(SupportTier.Tier3, (await CaseAsync(supportCase.Id)).Tier);
        Assert.Equal(2, (await NewEventTextsAsync(supportCase.Id)).Count(t => t.Contains(" escalated the case to ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Escalation_without_a_reason_is_refused(string reason)
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, Tina)).Succeeded);

        var result = await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, reason, Tina);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Say why it needs Tier 2", result.Message, StringComparison.Ordinal);
        var stored = await CaseAsync(supportCase.Id);
        Assert.Equal(SupportTier.Tier1, stored.Tier);
        Assert.Equal(Tina.UserId, stored.AssigneeId);
    }

    [Fact]
    public async Task Escalation_to_tier_1_is_refused()
    {
        var supportCase = await OpenCaseAsync();

        var result = await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier1, "Back to the front line", Tina);

        Assert.Equal(DeskResult.Refused("Escalate to Tier 2 or Tier 3."), result);
        Assert.Equal(SupportTier.Tier1, (await CaseAsync(supportCase.Id)).Tier);
        Assert.Empty(await NewEventsAsync(supportCase.Id));
    }

    [Fact]
    public async Task Escalation_of_a_closed_case_is_refused_because_only_open_cases_are_escalated()
    {
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ChangeStatusAsync(supportCase.Id, CaseStatus.Closed, Tina)).Succeeded);

        var result = await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, "Customer insists", Tina);

        Assert.False(result.Succeeded);
        Assert.Equal($"{Number(supportCase)} is closed; only open cases are escalated.", result.Message);
        Assert.Contains("only open cases are escalated", result.Message, StringComparison.Ordinal);
        Assert.Equal(SupportTier.Tier1, (await CaseAsync(supportCase.Id)).Tier);
        Assert.Equal(["Tina Tier1 set the status to Closed."], await NewEventTextsAsync(supportCase.Id));
    }

    // ---- A case that does not exist ----

    [Fact]
    public async Task Every_action_on_a_case_that_does_not_exist_is_refused()
    {
        const long missing = long.MaxValue;
        const string gone = "That case no longer exists.";

        Assert.Equal(DeskResult.Refused(gone), await Desk.ClaimAsync(missing, Tina));
        Assert.Equal(DeskResult.Refused(gone), await Desk.ReleaseAsync(missing, Tina, isManager: true));
        Assert.Equal(DeskResult.Refused(gone), await Desk.ReassignAsync(missing, Theo.UserId, Tina));
        Assert.Equal(new ReplyResult(false, gone, false), await Desk.ReplyAsync(missing, Tina, "Hello"));
        Assert.Equal(DeskResult.Refused(gone), await Desk.AddNoteAsync(missing, Tina, "Note"));
        Assert.Equal(DeskResult.Refused(gone), await Desk.ChangeSeverityAsync(missing, CaseSeverity.Critical, "Why", Tina));
        Assert.Equal(DeskResult.Refused(gone), await Desk.ChangeStatusAsync(missing, CaseStatus.Resolved, Tina));
        Assert.Equal(DeskResult.Refused(gone), await Desk.EscalateAsync(missing, SupportTier.Tier2, "Why", Tina));
        await using var db = await fixture.DbAsync();
        Assert.False(await db.Outbox.AnyAsync(m => m.Kind == OutboxKind.Reply && m.CaseId == missing));
    }

    // ---- Helpers ----

    /// <summary>A fresh Pro Plus case from a sender of its own (so the acknowledgment throttle never interferes).</summary>
    private async Task<SupportCase> OpenCaseAsync(CaseSeverity severity = CaseSeverity.Normal, string? messageId = null)
    {
        var sender = $"user-{Guid.NewGuid():N}@acme.example";
        var intake = fixture.App.Services.GetRequiredService<CaseIntake>();
        var result = await intake.AcceptAsync(new IntakeRequest(CaseChannel.Email, sender, "Ann Archer", $"Printer on fire {Guid.NewGuid():N}", "It burns.", severity, MessageId: messageId));
        Assert.True(result.Created);
        return await CaseAsync(result.Case.Id);
    }

    private static string Number(SupportCase supportCase) => CaseNumber.Format(supportCase.Number);

    private async Task<SupportCase> CaseAsync(long id)
    {
        await using var db = await fixture.DbAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<List<CaseEntry>> EntriesAsync(long caseId, CaseEntryKind kind)
    {
        await using var db = await fixture.DbAsync();
        return await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == caseId && e.Kind == kind).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The system events the desk wrote, leaving out intake's own (routing, acknowledgment).</summary>
    private async Task<List<CaseEntry>> NewEventsAsync(long caseId) =>
        [.. (await EntriesAsync(caseId, CaseEntryKind.SystemEvent)).Where(e => !e.Body.StartsWith("Routed to the ", StringComparison.Ordinal) && !e.Body.StartsWith("No acknowledgment sent", StringComparison.Ordinal))];

    private async Task<List<string>> NewEventTextsAsync(long caseId) => [.. (await NewEventsAsync(caseId)).Select(e => e.Body)];

    private async Task<List<OutboxMessage>> RepliesAsync(long caseId)
    {
        await using var db = await fixture.DbAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.CaseId == caseId && m.Kind == OutboxKind.Reply).OrderBy(m => m.Id).ToListAsync();
    }
}
