using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Tests.Features.Intake.WebForm;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases;

/// <summary>One host on a fake clock (Monday 2026-11-30 10:00 Central) with a form limit no test reaches.</summary>
public sealed class SenderConfirmationApp() : SharedApp(SenderConfirmationTests.Monday10Central, settings: new Dictionary<string, string?> { ["WebForm:PermitLimit"] = "1000" });

/// <summary>
/// Links mailed to prove an address: a web-form case from a listed address waits in standard until its sender confirms,
/// and a list change nobody authenticated waits for the primary contact on file. Driven through the real pages.
/// </summary>
public sealed partial class SenderConfirmationTests(SenderConfirmationApp shared) : IClassFixture<SenderConfirmationApp>, IAsyncLifetime
{
    internal static readonly DateTimeOffset Monday10Central = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
    private readonly AppFactory app = shared.App;

    public async ValueTask InitializeAsync() => await shared.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<SupportConsoleDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();

    private async Task<SupportCase> CaseAsync(long id)
    {
        await using var db = await DbAsync();
        return await db.Cases.AsNoTracking().Include(c => c.Thread).SingleAsync(c => c.Id == id);
    }

    private async Task<string> LinkMailedToAsync(long caseId, string to)
    {
        await using var db = await DbAsync();
        var mail = await db.Outbox.AsNoTracking().Where(m => m.CaseId == caseId && m.Kind == OutboxKind.SenderConfirmation).OrderByDescending(m => m.Id).FirstAsync();
        Assert.Equal(to, mail.To);
        var link = ConfirmLink().Match(mail.Body);
        Assert.True(link.Success, mail.Body);
        return link.Groups[1].Value;
    }

    /// <summary>Opens the link's page and presses its button, as the mailbox's owner does.</summary>
    private static async Task<string> ConfirmAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "confirm",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<SupportCase> WebFormCaseAsync(HttpClient client, string email)
    {
        var response = await WebFormPost.SendAsync(client, new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await DbAsync();
        return await db.Cases.AsNoTracking().Where(c => c.FromAddress == email).OrderByDescending(c => c.Id).FirstAsync();
    }

    [Fact]
    public async Task A_web_form_case_from_a_listed_address_waits_in_standard_until_its_sender_confirms_then_gets_priority_from_its_arrival()
    {
        var client = app.CreateBrowserLikeClient();
        var held = await WebFormCaseAsync(client, "someone@acme.example");

        Assert.Equal(CaseQueue.Standard, held.Queue);
        Assert.StartsWith(SenderConfirmations.AwaitingReasonPrefix, held.RoutingReason);
        Assert.NotNull(held.CustomerId);
        await using (var db = await DbAsync())
        {
            Assert.False(await db.Outbox.AnyAsync(m => m.CaseId == held.Id && m.Kind == OutboxKind.Acknowledgment), "the confirmation request stands as the acknowledgment");
        }
        var path = new Uri(await LinkMailedToAsync(held.Id, "someone@acme.example")).PathAndQuery;

        // Opening the link (a mail scanner does) confirms nothing.
        var shown = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("Yes, I sent this case", shown);
        Assert.Equal(CaseQueue.Standard, (await CaseAsync(held.Id)).Queue);

        // Three hours later, from the mail app's browser.
        shared.Clock.Advance(TimeSpan.FromHours(3));
        client = app.CreateBrowserLikeClient();
        var answer = await ConfirmAsync(client, path);

        Assert.Contains($"case SC-{held.Number} is confirmed and now in our priority queue", answer);
        var promoted = await CaseAsync(held.Id);
        var calendar = app.Services.GetRequiredService<BusinessCalendar>();
        var expected = FirstResponseDeadline.Compute(calendar.Current, calendar.Policies.For(CaseQueue.Priority), held.ReceivedAt);
        Assert.Equal(CaseQueue.Priority, promoted.Queue);
        Assert.Equal(expected.DueAt?.UtcDateTime, promoted.FirstResponseDueAtUtc);
        Assert.Equal(expected.ClockStartsAt.UtcDateTime, promoted.ClockStartsAtUtc);
        Assert.Equal(held.ArrivalSequence, promoted.ArrivalSequence);
        Assert.Contains("the sender confirmed the web-form case", promoted.RoutingReason);
        Assert.Single(promoted.Thread, e => e.Event == "confirmed");

        Assert.Contains("You already confirmed case", await client.GetStringAsync(path));
        var again = await app.Services.GetRequiredService<SenderConfirmations>().ConfirmAsync(path["/confirm/".Length..]);
        Assert.True(again.Succeeded);
        Assert.Contains("already confirmed", again.Message);
        Assert.Single((await CaseAsync(held.Id)).Thread, e => e.Event == "confirmed");
    }

    [Fact]
    public async Task A_web_form_case_from_an_unlisted_address_is_acknowledged_as_usual_and_asks_nothing()
    {
        var supportCase = await WebFormCaseAsync(app.CreateBrowserLikeClient(), "pat@example.com");

        Assert.Equal(CaseQueue.Standard, supportCase.Queue);
        Assert.DoesNotContain(SenderConfirmations.AwaitingReasonPrefix, supportCase.RoutingReason);
        await using var db = await DbAsync();
        Assert.True(await db.Outbox.AnyAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.Acknowledgment));
        Assert.False(await db.Outbox.AnyAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.SenderConfirmation));
    }

    [Fact]
    public async Task The_form_s_answer_reads_the_same_for_a_listed_and_an_unlisted_address()
    {
        async Task<string> AnswerFor(string email)
        {
            var response = await WebFormPost.SendAsync(app.CreateBrowserLikeClient(), new Dictionary<string, string> { ["Input.Email"] = email });
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            var section = page[page.IndexOf("id=\"confirmation\"", StringComparison.Ordinal)..];
            return Regex.Replace(section[..section.IndexOf("</section>", StringComparison.Ordinal)], @"SC-\d+|" + Regex.Escape(email), "X");
        }

        Assert.Equal(await AnswerFor("pat@example.com"), await AnswerFor("someone@acme.example"));
    }

    [Theory]
    [InlineData("/confirm/not-a-token")]
    [InlineData("/confirm/CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_forged_or_altered_link_says_it_is_not_valid_and_changes_nothing(string path)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no longer valid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_altered_or_expired_link_confirms_nothing()
    {
        var client = app.CreateBrowserLikeClient();
        var held = await WebFormCaseAsync(client, "late@acme.example");
        var path = new Uri(await LinkMailedToAsync(held.Id, "late@acme.example")).PathAndQuery;

        var altered = await client.GetStringAsync(path[..^3] + (path.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA"));
        Assert.Contains("no longer valid", altered);

        shared.Clock.Advance(SenderConfirmations.Lifetime + TimeSpan.FromMinutes(1));
        var expired = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("no longer valid", expired);
        var refused = await app.Services.GetRequiredService<SenderConfirmations>().ConfirmAsync(path["/confirm/".Length..]);
        Assert.False(refused.Succeeded);
        Assert.Equal(CaseQueue.Standard, (await CaseAsync(held.Id)).Queue);
    }

    [Fact]
    public async Task An_unauthenticated_list_change_is_approvable_only_after_the_primary_contact_on_file_confirms()
    {
        var intake = app.Services.GetRequiredService<CaseIntake>();
        var supportCase = (await intake.AcceptAsync(new IntakeRequest(CaseChannel.Email, "ann@acme.example", "Ann", "Please add to our origination list",
            "Add: new-colleague@acme-partners.example", CaseSeverity.Question, SenderCheck: "no Authentication-Results from a trusted receiving server"))).Case;
        var requests = app.Services.GetRequiredService<ListChangeRequests>();

        var before = (await requests.ForCaseAsync(supportCase.Id))!;
        Assert.False(before.CanApprove);
        Assert.True(before.NeedsConfirmation);
        Assert.Contains("waiting for the primary contact to confirm", before.Verification);
        await using (var db = await DbAsync())
        {
            var tina = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "tier1@supportconsole.local");
            var agent = new Actor(tina.Id, "Tina Tier1", tina.Email!);
            Assert.False((await requests.ApproveAsync(before.Id, agent)).Succeeded);

            // The agent may send the link again; the contact gets a second, equally good link.
            Assert.True((await app.Services.GetRequiredService<SenderConfirmations>().ResendListChangeLinkAsync(before.Id, agent)).Succeeded);
            Assert.Equal(2, await db.Outbox.CountAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.SenderConfirmation && m.To == "ann@acme.example"));

            var path = new Uri(await LinkMailedToAsync(supportCase.Id, "ann@acme.example")).PathAndQuery;
            var client = app.CreateBrowserLikeClient();
            var shown = WebUtility.HtmlDecode(await client.GetStringAsync(path));
            Assert.Contains("Add new-colleague@acme-partners.example", Regex.Replace(shown, "<[^>]+>", ""));
            var answer = await ConfirmAsync(client, path);
            Assert.Contains("is confirmed", answer);

            var after = (await requests.ForCaseAsync(supportCase.Id))!;
            Assert.True(after.CanApprove, after.WhyNot);
            Assert.StartsWith("Confirmed by ann@acme.example", after.Verification);
            Assert.True((await requests.ApproveAsync(after.Id, agent)).Succeeded);
        }
    }

    [GeneratedRegex(@"(http\S+/confirm/\S+)")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
