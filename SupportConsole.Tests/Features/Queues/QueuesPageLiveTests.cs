using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Intake.Phone;
using SupportConsole.Features.Queues;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;
using CaseChannel = SupportConsole.Domain.Cases.CaseChannel;

namespace SupportConsole.Tests.Features.Queues;

/// <summary>The queues page rendered with bUnit on the real services (board, notifier, desk) of a Development app.</summary>
public sealed class QueuesPageLiveTests : MudTestContext, IClassFixture<QueueApp>
{
    private readonly QueueApp fixture;
    private readonly AgentUser tina;

    public QueuesPageLiveTests(QueueApp fixture)
    {
        this.fixture = fixture;
        var services = fixture.App.Services;
        foreach (var type in new[] { typeof(QueueBoard), typeof(CaseChangeNotifier), typeof(CaseDesk), typeof(TakeNext), typeof(DeskSettings), typeof(BusinessCalendar), typeof(PhoneCallLog) })
        {
            Services.AddSingleton(type, services.GetRequiredService(type));
        }
        Services.AddSingleton<TimeProvider>(fixture.Clock);
        using var scope = services.CreateScope();
        tina = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync("tier1@supportconsole.local").GetAwaiter().GetResult()!;
        AddAuthorization().SetAuthorized(tina.Email!).SetRoles(Roles.Tier1)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, tina.Id), new Claim(ClaimTypes.Email, tina.Email!), new Claim("display_name", tina.DisplayName));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    private Task<SupportCase> OpenCaseAsync(string from, string subject, CaseSeverity severity = CaseSeverity.Normal) =>
        fixture.App.Services.GetRequiredService<CaseIntake>()
            .AcceptAsync(new IntakeRequest(CaseChannel.Email, from, "Sender", subject, "Body", severity))
            .ContinueWith(t => t.Result.Case);

    private static string[] Subjects(IRenderedComponent<QueuesPage> page, string queue) =>
        [.. page.FindAll($"#{queue} .queue-row .subject").Select(s => s.TextContent)];

    [Fact]
    public async Task A_case_accepted_anywhere_appears_on_an_open_page_in_arrival_order_without_a_reload()
    {
        var page = Render<QueuesPage>();
        var first = await OpenCaseAsync("bob@acme.example", "Live one " + Guid.NewGuid().ToString("N")[..6]);
        var second = await OpenCaseAsync("joe@hooli.example", "Live standard " + Guid.NewGuid().ToString("N")[..6]);
        var third = await OpenCaseAsync("carl@acme.example", "Live two " + Guid.NewGuid().ToString("N")[..6]);

        page.WaitForAssertion(() =>
        {
            var priority = Subjects(page, "priority-queue");
            Assert.True(priority.ToList().IndexOf(first.Subject) is >= 0 and var i && priority.ToList().IndexOf(third.Subject) > i);
            Assert.Contains(second.Subject, Subjects(page, "standard-queue"));
        });
        page.WaitForAssertion(() => Assert.Contains("is-new", page.Find($"#row-{third.Number}").ClassName));
    }

    [Fact]
    public async Task The_live_region_announces_a_new_priority_case_and_the_result_of_a_claim_but_not_the_clock()
    {
        var page = Render<QueuesPage>();
        var region = page.Find("#queue-announcer");
        Assert.Equal("polite", region.GetAttribute("aria-live"));
        Assert.Equal("status", region.GetAttribute("role"));

        var standard = await OpenCaseAsync("joe@hooli.example", "Quiet standard " + Guid.NewGuid().ToString("N")[..6]);
        page.WaitForAssertion(() => Assert.Contains(standard.Subject, Subjects(page, "standard-queue")));
        Assert.DoesNotContain(CaseNumber.Format(standard.Number), page.Find("#queue-announcer").TextContent);

        var urgent = await OpenCaseAsync("bob@acme.example", "Announced " + Guid.NewGuid().ToString("N")[..6]);
        page.WaitForAssertion(() => Assert.Equal($"New priority case {CaseNumber.Format(urgent.Number)} from Acme Corp", page.Find("#queue-announcer").TextContent));

        // A minute passes: every badge recomputes, and nothing new is said.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await page.InvokeAsync(() => page.Instance.OnKey("j"));
        Assert.Equal($"New priority case {CaseNumber.Format(urgent.Number)} from Acme Corp", page.Find("#queue-announcer").TextContent);

        page.Find($"#row-{urgent.Number} .claim-button").Click();
        page.WaitForAssertion(() =>
        {
            var said = page.Find("#queue-announcer").TextContent;
            Assert.Contains($"{CaseNumber.Format(urgent.Number)}", said);
            Assert.DoesNotContain("New priority case", said);
        });
    }

    [Fact]
    public async Task A_claim_by_another_agent_shows_their_name_and_the_filters_and_counts_follow()
    {
        var mine = await OpenCaseAsync("bob@acme.example", "Filter mine " + Guid.NewGuid().ToString("N")[..6], CaseSeverity.Critical);
        var theirs = await OpenCaseAsync("ann@acme.example", "Filter theirs " + Guid.NewGuid().ToString("N")[..6], CaseSeverity.Question);
        var page = Render<QueuesPage>();
        var desk = fixture.App.Services.GetRequiredService<CaseDesk>();

        await desk.ClaimAsync(mine.Id, new Actor(tina.Id, tina.DisplayName, tina.Email!));
        await desk.ClaimAsync(theirs.Id, new Actor("someone", "Theo Tier1", "tier1b@supportconsole.local"));
        page.WaitForAssertion(() => Assert.Equal("Tina Tier1", page.Find($"#row-{mine.Number} .assignee").TextContent));

        page.Find("#filter-mine").Click();
        page.WaitForAssertion(() => Assert.Contains(mine.Subject, Subjects(page, "priority-queue")));
        Assert.DoesNotContain(theirs.Subject, Subjects(page, "priority-queue"));
        var count = page.Find("#priority-queue-count").TextContent;
        Assert.Matches(@"^\d+ of \d+$", count);
        Assert.All(page.FindAll("#priority-queue .assignee"), a => Assert.Equal("Tina Tier1", a.TextContent));

        page.Find("#filter-mine").Click();
        page.Find("#filter-unassigned").Click();
        page.WaitForAssertion(() => Assert.DoesNotContain(mine.Subject, Subjects(page, "priority-queue")));
        Assert.Empty(page.FindAll("#priority-queue .assignee"));
    }

    [Fact]
    public async Task Severity_and_awaiting_first_response_filters_narrow_both_queues()
    {
        var answered = await OpenCaseAsync("bob@acme.example", "Answered " + Guid.NewGuid().ToString("N")[..6], CaseSeverity.Critical);
        var waiting = await OpenCaseAsync("carl@acme.example", "Waiting " + Guid.NewGuid().ToString("N")[..6], CaseSeverity.Critical);
        await fixture.App.Services.GetRequiredService<CaseDesk>().ReplyAsync(answered.Id, new Actor(tina.Id, tina.DisplayName, tina.Email!), "On it");
        var page = Render<QueuesPage>();
        page.WaitForAssertion(() => Assert.Contains(answered.Subject, Subjects(page, "priority-queue")));

        page.Find("#filter-awaiting").Click();
        // The reply reaches the shared queue board through the notifier, in the background of the reply: wait for both.
        page.WaitForAssertion(() =>
        {
            Assert.Contains(waiting.Subject, Subjects(page, "priority-queue"));
            Assert.DoesNotContain(answered.Subject, Subjects(page, "priority-queue"));
        });

        await page.InvokeAsync(() => page.FindComponent<MudSelect<int>>().Instance.ValueChanged.InvokeAsync(1));
        page.WaitForAssertion(() => Assert.All(page.FindAll(".queue-row .sev"), s => Assert.Equal("S1", s.TextContent)));
    }

    [Fact]
    public async Task The_page_leaves_the_notifier_when_it_is_disposed()
    {
        var notifier = fixture.App.Services.GetRequiredService<CaseChangeNotifier>();
        _ = fixture.App.Services.GetRequiredService<QueueBoard>();
        var before = notifier.SubscriberCount;

        var page = Render<QueuesPage>();
        Assert.Equal(before + 1, notifier.SubscriberCount);

        await page.InvokeAsync(() => page.Instance.DisposeAsync().AsTask());
        Assert.Equal(before, notifier.SubscriberCount);
    }
}
