using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Intake.Phone;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Intake.Phone;

public sealed class PhoneCallLogTests : IAsyncLifetime
{
    // Wed 2029-03-07 15:30 CST: Tier 1 is open.
    private static readonly DateTimeOffset OpenNow = DateTimeOffset.Parse("2029-03-07T21:30:00Z");

    // Sat 2029-03-10 10:00 CST: closed until Monday 07:00, after the switch to daylight time.
    private static readonly DateTimeOffset ClosedNow = DateTimeOffset.Parse("2029-03-10T16:00:00Z");

    private readonly FakeTimeProvider clock = new(OpenNow);
    private readonly AppFactory app;

    public PhoneCallLogTests() => app = new AppFactory { Clock = clock };

    /// <summary>Tina and Theo, the demo Tier 1 agents: only Tier 1 agents and managers log calls.</summary>
    private string agent1 = "";
    private string agent2 = "";

    public async ValueTask InitializeAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        agent1 = await db.Users.Where(u => u.Email == "tier1@supportconsole.local").Select(u => u.Id).SingleAsync();
        agent2 = await db.Users.Where(u => u.Email == "tier1b@supportconsole.local").Select(u => u.Id).SingleAsync();
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private PhoneCallLog Calls => app.Services.GetRequiredService<PhoneCallLog>();

    private async Task<SupportCase> ReloadAsync(long id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        return await db.Cases.AsNoTracking().Include(c => c.Thread).SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task A_call_while_the_line_is_open_opens_a_phone_case_arriving_at_the_call_start()
    {
        var callStart = OpenNow.AddMinutes(-25);

        var logged = await Calls.LogNewCaseAsync("Pat Caller", "pat@example.com", null, "Cannot log in since this morning\nTried a password reset.", CaseSeverity.High, callStart, agent1);

        var supportCase = await ReloadAsync(logged.Id);
        Assert.Equal(CaseChannel.Phone, supportCase.Channel);
        Assert.Equal(callStart.UtcDateTime, supportCase.ReceivedAtUtc);
        Assert.False(supportCase.IsImported);
        Assert.Equal(CaseSeverity.High, supportCase.Severity);
        Assert.Equal("Phone call: Cannot log in since this morning", supportCase.Subject);
        var call = Assert.Single(supportCase.Thread, e => e.Kind == CaseEntryKind.PhoneCall);
        Assert.Equal(callStart.UtcDateTime, call.AtUtc);
        Assert.Equal("tier1@supportconsole.local", call.Author);
        Assert.Contains("Tried a password reset.", call.Body);
        Assert.Contains("Pat Caller", call.Body);
        Assert.Contains("taken by Tina Tier1", call.Body);
        Assert.Contains("answered on the call", call.Body);
        // One entry per call: the summary is not stored a second time as the customer's message.
        Assert.DoesNotContain(supportCase.Thread, e => e.Kind == CaseEntryKind.CustomerMessage);
        Assert.Single(supportCase.Thread, e => e.Body.Contains("Tried a password reset.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_case_stored_before_calls_were_written_once_shows_its_call_alone()
    {
        var legacy = new SupportCase { Id = 7, Channel = CaseChannel.Phone };
        List<CaseEntry> thread =
        [
            new() { Id = 1, CaseId = 7, Kind = CaseEntryKind.CustomerMessage, Author = "pat@example.com", Body = "Printer jam\nTried a restart." },
            new() { Id = 2, CaseId = 7, Kind = CaseEntryKind.SystemEvent, Author = CaseEntry.SystemAuthor, Body = "Routed to the standard queue." },
            new() { Id = 3, CaseId = 7, Kind = CaseEntryKind.PhoneCall, Author = "tier1@supportconsole.local", Body = "Call from Pat, started Wed, taken by tier1@supportconsole.local:\nPrinter jam\nTried a restart." },
        ];

        var shown = SupportConsole.Features.Cases.CaseReader.WithoutCallCopies(legacy, thread);

        Assert.Equal([2L, 3L], shown.Select(e => e.Id));
        Assert.Equal(3, SupportConsole.Features.Cases.CaseReader.WithoutCallCopies(new SupportCase { Channel = CaseChannel.Email }, thread).Count);
    }

    [Fact]
    public async Task A_call_that_answered_a_listed_customer_is_the_first_response_and_one_that_did_not_leaves_the_clock_running()
    {
        var answered = await Calls.LogNewCaseAsync("Ann", "ann@acme.example", null, "How do I rotate keys?", CaseSeverity.Question, OpenNow.AddMinutes(-10), agent1);
        var unanswered = await Calls.LogNewCaseAsync("Ann", "ann@acme.example", null, "Outage, will investigate", CaseSeverity.Critical, OpenNow.AddMinutes(-5), agent1, answered: false);

        var met = await ReloadAsync(answered.Id);
        var running = await ReloadAsync(unanswered.Id);
        Assert.Equal(CaseQueue.Priority, met.Queue);
        Assert.Equal(OpenNow.AddMinutes(-10).UtcDateTime, met.FirstRespondedAtUtc);
        Assert.Equal(SupportConsole.Domain.Sla.SlaState.Met, met.SlaStateAt(OpenNow));
        Assert.Null(running.FirstRespondedAtUtc);
        Assert.Equal(SupportConsole.Domain.Sla.SlaState.Running, running.SlaStateAt(OpenNow));
        // The agent who answered the caller has the case; a call that answered nothing leaves it for the queue.
        Assert.Equal(agent1, met.AssigneeId);
        Assert.Null(running.AssigneeId);

        await Calls.LogOnExistingCaseAsync(unanswered.Number, "Called back with the fix.", agent2, OpenNow.AddMinutes(-1));

        Assert.Equal(OpenNow.AddMinutes(-1).UtcDateTime, (await ReloadAsync(unanswered.Id)).FirstRespondedAtUtc);
    }

    [Fact]
    public async Task A_call_while_the_line_is_closed_is_refused_with_the_next_opening()
    {
        clock.SetUtcNow(ClosedNow);

        var refused = await Assert.ThrowsAsync<PhoneLineClosedException>(() =>
            Calls.LogNewCaseAsync("Pat Caller", "pat@example.com", null, "Help", CaseSeverity.Normal, ClosedNow.AddMinutes(-5), agent1));

        Assert.Equal("The Tier 1 phone line is closed; it opens Mon 2029-03-12 07:00:00 CDT.", refused.Message);
        Assert.False(Calls.LineStatus().IsOpen);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Cases.ToListAsync());
    }

    [Fact]
    public async Task A_call_that_started_before_the_close_is_logged_after_it_and_the_line_stays_loggable_for_two_hours()
    {
        // Wed 2029-03-07 18:45-19:05 CST, written up at 19:10.
        var callStart = DateTimeOffset.Parse("2029-03-08T00:45:00Z");
        clock.SetUtcNow(DateTimeOffset.Parse("2029-03-08T01:10:00Z"));

        Assert.True(Calls.LineStatus().IsOpen);
        var logged = await Calls.LogNewCaseAsync("Pat Caller", "pat@example.com", null, "Late call about invoices", CaseSeverity.Normal, callStart, agent1);

        Assert.Equal(callStart.UtcDateTime, (await ReloadAsync(logged.Id)).ReceivedAtUtc);
        clock.SetUtcNow(DateTimeOffset.Parse("2029-03-08T03:05:00Z")); // 21:05 CST: no call taken in the last 2 hours
        Assert.False(Calls.LineStatus().IsOpen);
    }

    [Fact]
    public async Task A_call_that_started_before_the_line_opened_is_refused_even_when_logged_after_the_opening()
    {
        // Thu 2029-03-08 06:30 CST, logged at 07:05.
        clock.SetUtcNow(DateTimeOffset.Parse("2029-03-08T13:05:00Z"));

        var refused = await Assert.ThrowsAsync<PhoneLineClosedException>(() =>
            Calls.LogNewCaseAsync("Pat Caller", "pat@example.com", null, "Early call", CaseSeverity.Normal, DateTimeOffset.Parse("2029-03-08T12:30:00Z"), agent1));

        Assert.StartsWith("The Tier 1 phone line was closed when this call started (Thu 2029-03-08 06:30:00 CST)", refused.Message);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Cases.ToListAsync());
    }

    [Fact]
    public async Task A_call_logged_on_a_case_that_arrived_after_the_call_started_answers_it_at_its_arrival_not_before()
    {
        var supportCase = await Calls.LogNewCaseAsync("Pat Caller", "pat@example.com", null, "Printer jam", CaseSeverity.Normal, OpenNow.AddMinutes(-10), agent1, answered: false);

        await Calls.LogOnExistingCaseAsync(supportCase.Number, "Same caller, the call had started before the case was opened.", agent2, OpenNow.AddMinutes(-30));

        var reloaded = await ReloadAsync(supportCase.Id);
        Assert.Equal(reloaded.ReceivedAtUtc, reloaded.FirstRespondedAtUtc);
        Assert.Contains(reloaded.Thread, e => e.Kind == CaseEntryKind.SystemEvent && e.Body.StartsWith("First response: Theo Tier1 answered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_on_an_existing_case_adds_a_phone_call_entry_to_its_thread()
    {
        var first = await Calls.LogNewCaseAsync("Pat Caller", "pat@example.com", null, "Printer jam", CaseSeverity.Normal, OpenNow.AddMinutes(-60), agent1);

        var again = await Calls.LogOnExistingCaseAsync(first.Number, "Called back: jam cleared, closing soon.", agent2, OpenNow.AddMinutes(-5));

        Assert.Equal(first.Id, again.Id);
        var calls = (await ReloadAsync(first.Id)).Thread.Where(e => e.Kind == CaseEntryKind.PhoneCall).OrderBy(e => e.AtUtc).ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal("tier1b@supportconsole.local", calls[1].Author);
        Assert.Contains("jam cleared", calls[1].Body);
    }

    [Fact]
    public async Task A_call_on_an_unknown_case_or_started_over_two_hours_ago_is_refused_per_field()
    {
        var unknown = await Assert.ThrowsAsync<IntakeValidationException>(() =>
            Calls.LogOnExistingCaseAsync(999_999, "Hello", agent1, OpenNow.AddMinutes(-5)));
        Assert.Equal(["There is no case SC-999999."], unknown.Errors["caseNumber"]);

        var old = await Assert.ThrowsAsync<IntakeValidationException>(() =>
            Calls.LogNewCaseAsync("Pat", "not-an-email", null, "", CaseSeverity.Normal, OpenNow.AddHours(-3), agent1));
        Assert.Contains("callStartedAt", old.Errors.Keys);
        Assert.Contains("callerEmail", old.Errors.Keys);
        Assert.Contains("summary", old.Errors.Keys);
    }

    [Fact]
    public async Task An_account_without_Tier_1_or_Manager_cannot_log_a_call_and_no_case_is_opened()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var sales = await db.Users.Where(u => u.Email == "sales@supportconsole.local").Select(u => u.Id).SingleAsync();
        var before = await db.Cases.CountAsync();

        var refused = await Assert.ThrowsAsync<IntakeValidationException>(() =>
            Calls.LogNewCaseAsync("Pat Caller", "pat@example.com", null, "Help", CaseSeverity.Normal, OpenNow.AddMinutes(-5), sales));

        Assert.Equal(["Your account no longer has the Tier 1 or Manager role; reload the page."], refused.Errors["agent"]);
        Assert.Equal(before, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task The_queues_page_shows_Tier_1_the_log_phone_call_button_enabled_while_open()
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "tier1@supportconsole.local", "Demo-tier1-1");

        var page = await client.GetStringAsync("/queues");

        var button = ButtonTag(page);
        Assert.Contains("Log phone call", page);
        Assert.DoesNotContain("disabled", button);
        Assert.DoesNotContain("id=\"phone-line-closed\"", page);
    }

    [Fact]
    public async Task The_queues_page_disables_the_button_and_says_when_the_line_opens_while_closed()
    {
        clock.SetUtcNow(ClosedNow);
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "tier1@supportconsole.local", "Demo-tier1-1");

        var response = await client.GetAsync("/queues");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("disabled", ButtonTag(page));
        Assert.Contains("The Tier 1 phone line is closed; it opens Mon 2029-03-12 07:00:00 CDT.", page);
    }

    private static string ButtonTag(string page)
    {
        var at = page.IndexOf("id=\"log-phone-call\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "The page has no log-phone-call button.");
        var start = page.LastIndexOf('<', at);
        return page[start..page.IndexOf('>', at)];
    }
}
