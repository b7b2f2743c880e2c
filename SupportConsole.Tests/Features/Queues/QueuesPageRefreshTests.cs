using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using SupportConsole.Data;
using SupportConsole.Components.Shared;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Intake.Phone;
using SupportConsole.Features.Queues;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;
using CaseChannel = SupportConsole.Domain.Cases.CaseChannel;

namespace SupportConsole.Tests.Features.Queues;

/// <summary>
/// The queues page when the database stops answering for a while: the agent keeps the rows they had, is told they may
/// be stale, and the page catches up by itself (or at "Refresh now") once the database answers again.
/// </summary>
public sealed class QueuesPageRefreshTests : MudTestContext, IClassFixture<QueueApp>
{
    private readonly QueueApp fixture;
    private readonly SwitchableDbContextFactory factory;

    public QueuesPageRefreshTests(QueueApp fixture)
    {
        this.fixture = fixture;
        var services = fixture.App.Services;
        factory = new SwitchableDbContextFactory(services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>());
        // A board of this test's own, on a database connection the test can cut, hearing only the changes the test publishes.
        // Both made by the test's container, which disposes them with the test.
        Services.AddSingleton(_ => new CaseChangeNotifier(NullLogger<CaseChangeNotifier>.Instance));
        Services.AddSingleton(sp => new QueueBoard(factory, sp.GetRequiredService<CaseChangeNotifier>()));
        foreach (var type in new[] { typeof(CaseDesk), typeof(TakeNext), typeof(DeskSettings), typeof(BusinessCalendar), typeof(PhoneCallLog) })
        {
            Services.AddSingleton(type, services.GetRequiredService(type));
        }
        Services.AddSingleton<TimeProvider>(fixture.Clock);
        using var scope = services.CreateScope();
        var tina = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync("tier1@supportconsole.local").GetAwaiter().GetResult()!;
        AddAuthorization().SetAuthorized(tina.Email!).SetRoles(Roles.Tier1)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, tina.Id), new Claim(ClaimTypes.Email, tina.Email!), new Claim("display_name", tina.DisplayName));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    private async Task<SupportCase> OpenAndPublishAsync(string subject)
    {
        var created = (await fixture.App.Services.GetRequiredService<CaseIntake>()
            .AcceptAsync(new IntakeRequest(CaseChannel.Email, "joe@hooli.example", "Joe", subject + " " + Guid.NewGuid().ToString("N")[..6], "Body", CaseSeverity.Normal))).Case;
        Services.GetRequiredService<CaseChangeNotifier>().Publish(new CaseChange(created.Id, created.Number, CaseChangeKind.Created, created.Queue, fixture.Clock.GetUtcNow()));
        return created;
    }

    private static bool Shows(IRenderedComponent<QueuesPage> page, SupportCase c) => page.FindAll($"#row-{c.Number}").Count == 1;

    [Fact]
    public async Task A_change_the_board_cannot_apply_keeps_the_rows_says_they_may_be_stale_and_the_page_catches_up()
    {
        var page = Render<QueuesPage>();
        var before = await OpenAndPublishAsync("Before the outage"); // patched in live, so the page is past the board's first version
        page.WaitForAssertion(() => Assert.True(Shows(page, before)));
        Assert.Empty(page.FindAll("#queue-refresh-failed"));

        // The database stops answering as a change comes in: the rows stay, and the page says what happened.
        factory.Failing = true;
        var during = await OpenAndPublishAsync("During the outage");
        page.WaitForAssertion(() => Assert.Contains("Live updates are paused", page.Find("#queue-refresh-failed").TextContent));
        Assert.True(Shows(page, before));
        Assert.False(Shows(page, during));

        // The database answers again: the page's own retry, an interval later, reads the queues whole.
        factory.Failing = false;
        fixture.Clock.Advance(StaleRefresh.Interval);
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("#queue-refresh-failed"));
            Assert.True(Shows(page, during));
        });

        // A second outage, and "Refresh now" while it lasts: the warning stays; once it is over, the button catches up.
        factory.Failing = true;
        var second = await OpenAndPublishAsync("Second outage");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#queue-refresh-failed")));
        var attempts = factory.Attempts;
        await page.InvokeAsync(() => page.Find("#queue-refresh-failed-now").Click());
        page.WaitForAssertion(() => Assert.True(factory.Attempts > attempts));
        Assert.Single(page.FindAll("#queue-refresh-failed"));
        Assert.False(Shows(page, second));

        factory.Failing = false;
        await page.InvokeAsync(() => page.Find("#queue-refresh-failed-now").Click());
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("#queue-refresh-failed"));
            Assert.True(Shows(page, second));
        });

        // Live updates go on after both outages (the board's versions kept rising through its reloads).
        var after = await OpenAndPublishAsync("After the outages");
        page.WaitForAssertion(() => Assert.True(Shows(page, after)));
    }
}
