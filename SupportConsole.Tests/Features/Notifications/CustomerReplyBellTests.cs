using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake.IncomingMail;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.Queues;
using SupportConsole.Tests.Features.Cases;
using PageApp = SupportConsole.Tests.Features.Cases.Pages.CaseDeskApp;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Notifications;

/// <summary>One host on a fake clock for the "customer replied" tests.</summary>
public sealed class CustomerReplyApp() : SharedApp(CaseSearchApiTests.Wednesday14Central);

/// <summary>
/// A customer's mail reply on a case an agent holds: the case is marked (queue row and the "Customer replied" view),
/// the assignee's bell rings live, and the mark clears when the assignee answers or opens the case.
/// </summary>
public sealed class CustomerReplyBellTests(CustomerReplyApp shared) : IClassFixture<CustomerReplyApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await shared.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private T Get<T>() where T : notnull => shared.App.Services.GetRequiredService<T>();

    private async Task<AgentUser> AgentAsync(string email)
    {
        using var scope = shared.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync(email))!;
    }

    private async Task<(long Id, long Number)> OpenAsync(string from, string subject)
    {
        using var api = ApiClient.Create(shared.App);
        var response = await api.PostCaseAsync(new { from, name = "Solo Requester", subject, body = "First words.", severity = 3 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(CaseNumber.TryParseReference((await response.JsonAsync()).GetProperty("number").GetString(), out var number));
        var view = (await Get<CaseReader>().ByNumberAsync(number))!;
        return (view.Case.Id, number);
    }

    private Task<MailIntakeOutcome> MailAsync(string from, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("help@supportconsole.local"));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        message.Body = new TextPart("plain") { Text = body };
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Get<IMailIntake>().AcceptAsync(stream.ToArray(), from, ["help@supportconsole.local"], CancellationToken.None);
    }

    private async Task<SupportConsole.Domain.Cases.SupportCase> StoredAsync(long id)
    {
        await using var db = await Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task A_mail_reply_on_an_assigned_case_rings_the_assignee_s_bell_and_marks_the_case_until_they_answer()
    {
        var tina = await AgentAsync("tier1@supportconsole.local");
        var theo = await AgentAsync("tier1b@supportconsole.local");
        var (id, number) = await OpenAsync("solo@example.org", "Cannot log in");
        Assert.True((await Get<CaseDesk>().ClaimAsync(id, PageApp.ActorOf(tina))).Succeeded);
        var rung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var bell = Get<NotificationCentre>().Subscribe(tina.Id, () => { rung.TrySetResult(); return Task.CompletedTask; });
        var tinaUnread = await Get<NotificationCentre>().UnreadCountAsync(tina.Id);
        var theoUnread = await Get<NotificationCentre>().UnreadCountAsync(theo.Id);

        var outcome = await MailAsync("Solo <solo@example.org>", $"Re: [{CaseNumber.Format(number)}] Cannot log in", "Still failing after the reset.");

        Assert.Equal(MailIntakeResult.AddedToCase, outcome.Result);
        await rung.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(tinaUnread + 1, await Get<NotificationCentre>().UnreadCountAsync(tina.Id));
        Assert.Equal(theoUnread, await Get<NotificationCentre>().UnreadCountAsync(theo.Id));
        var latest = (await Get<NotificationCentre>().LatestAsync(tina.Id))[0];
        Assert.Equal(NotificationCentre.CustomerRepliedKind, latest.Kind);
        Assert.Equal($"/cases/{CaseNumber.Format(number)}", latest.Link);
        Assert.Contains("Still failing after the reset.", latest.Body);
        Assert.Equal(shared.Clock.GetUtcNow().UtcDateTime, (await StoredAsync(id)).CustomerRepliedAtUtc);
        Assert.True((await Get<QueueBoard>().LoadRowAsync(id))!.CustomerReplied);
        var views = await Get<CaseViews>().ListAsync(tina.Id);
        Assert.Equal(1, views.Single(v => v.Key == CaseViews.CustomerReplied).Count);
        Assert.Equal(0, (await Get<CaseViews>().ListAsync(theo.Id)).Single(v => v.Key == CaseViews.CustomerReplied).Count);

        // Someone else opening the case leaves the mark; the assignee's answer clears it.
        Assert.False((await Get<CaseDesk>().SeenCustomerReplyAsync(id, PageApp.ActorOf(theo))).Succeeded);
        Assert.NotNull((await StoredAsync(id)).CustomerRepliedAtUtc);
        Assert.True((await Get<CaseDesk>().ReplyAsync(id, PageApp.ActorOf(tina), "Please try the new link.")).Succeeded);
        Assert.Null((await StoredAsync(id)).CustomerRepliedAtUtc);
        Assert.False((await Get<QueueBoard>().LoadRowAsync(id))!.CustomerReplied);
    }

    [Fact]
    public async Task Opening_the_case_as_its_assignee_clears_the_mark()
    {
        var tina = await AgentAsync("tier1@supportconsole.local");
        var (id, number) = await OpenAsync("solo2@example.org", "Export stuck");
        Assert.True((await Get<CaseDesk>().ClaimAsync(id, PageApp.ActorOf(tina))).Succeeded);
        await MailAsync("solo2@example.org", $"Re: [{CaseNumber.Format(number)}] Export stuck", "Any news?");
        Assert.NotNull((await StoredAsync(id)).CustomerRepliedAtUtc);

        Assert.True((await Get<CaseDesk>().SeenCustomerReplyAsync(id, PageApp.ActorOf(tina))).Succeeded);

        Assert.Null((await StoredAsync(id)).CustomerRepliedAtUtc);
    }

    [Fact]
    public async Task A_reply_on_an_unassigned_case_marks_nothing_and_rings_no_bell()
    {
        var (id, number) = await OpenAsync("solo3@example.org", "Billing question");
        await using (var db = await Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Notifications.CountAsync(n => n.Kind == NotificationCentre.CustomerRepliedKind));
        }

        await MailAsync("solo3@example.org", $"Re: [{CaseNumber.Format(number)}] Billing question", "One more detail.");

        Assert.Null((await StoredAsync(id)).CustomerRepliedAtUtc);
        await using var check = await Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await check.Notifications.CountAsync(n => n.Kind == NotificationCentre.CustomerRepliedKind));
    }
}
