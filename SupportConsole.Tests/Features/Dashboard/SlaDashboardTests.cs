using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Dashboard;
using SupportConsole.Features.Intake;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Dashboard;

public sealed class SlaDashboardTests
{
    // Wed 2026-11-25 14:00 CST, Tier 1 open; production settings so no demo cases muddy the figures.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Dashboard_derives_queue_health_and_first_response_performance_from_the_cases()
    {
        var clock = new FakeTimeProvider(Now);
        await using var app = new AppFactory("Production", new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "boss@desk.example",
            ["Bootstrap:AdminPassword"] = "Str0ng-and-long!",
        }) { Clock = clock };
        var customers = app.Services.GetRequiredService<SupportConsole.Features.Customers.CustomerBook>();
        await customers.CreateAsync(new SupportConsole.Features.Customers.CustomerDraft
        {
            Name = "Acme Corp", Plan = SupportConsole.Domain.Plans.SupportPlan.ProPlus, TermStart = new(2026, 1, 1), TermEnd = new(2026, 12, 31),
            ContactName = "Ann", ContactEmail = "ann@acme.example", Origination = ["acme.example"],
        }, "test");
        var intake = app.Services.GetRequiredService<CaseIntake>();
        // Breached: arrived Mon 11-16 08:00 CST, due Wed 11-18 08:00 CST.
        await intake.AcceptAsync(new IntakeRequest(CaseChannel.Api, "a@acme.example", null, "Old", "b", CaseSeverity.High, ImportedReceivedAt: new DateTimeOffset(2026, 11, 16, 14, 0, 0, TimeSpan.Zero)));
        // At risk: arrived Mon 11-23 17:00 CST, due Wed 11-25 17:00 CST, at risk from 13:00.
        await intake.AcceptAsync(new IntakeRequest(CaseChannel.Api, "b@acme.example", null, "Soon due", "b", CaseSeverity.Normal, ImportedReceivedAt: new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero)));
        // Answered on time.
        var answered = (await intake.AcceptAsync(new IntakeRequest(CaseChannel.Api, "c@acme.example", null, "Answered", "b", CaseSeverity.Normal))).Case;
        await intake.AcceptAsync(new IntakeRequest(CaseChannel.Api, "someone@example.org", null, "Standard", "b", CaseSeverity.Question));
        clock.Advance(TimeSpan.FromMinutes(30));
        // The desk checks the replying account in the database: the bootstrap administrator holds every role.
        await using var scope = app.Services.CreateAsyncScope();
        var boss = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SupportConsole.Data.AgentUser>>().FindByEmailAsync("boss@desk.example");
        await app.Services.GetRequiredService<CaseDesk>().ReplyAsync(answered.Id, new Actor(boss!.Id, "Tina", "tier1@example.org"), "On it");

        var figures = await app.Services.GetRequiredService<SlaDashboard>().ReadAsync();

        var priority = figures.Queues.Single(q => q.Queue == CaseQueue.Priority);
        var standard = figures.Queues.Single(q => q.Queue == CaseQueue.Standard);
        Assert.Equal(3, priority.Open);
        Assert.Equal(2, priority.AwaitingFirstResponse);
        Assert.Equal(1, priority.AtRisk);
        Assert.Equal(1, priority.Breached);
        Assert.Equal(1, standard.Open);
        Assert.Equal(TimeSpan.FromHours(90.5), priority.OldestWaiting);
        Assert.Equal([SlaState.Breached, SlaState.AtRisk], figures.NeedsAttention.Select(c => c.State));
        // The honest definition: the breached case is missed, not left out; the answered one is due Monday, after the range.
        Assert.Equal(1, figures.Sla.Total.Missed);
        Assert.Equal(1, figures.Sla.Total.Pending);
        Assert.Equal(0, figures.Sla.Total.Met);
        Assert.Equal(0.0, figures.Sla.Total.Compliance);
        Assert.Null(figures.Sla.Total.P50Seconds);
        // Backlog: all four open now; at the end of Sun 11-22 only the breached case had arrived; none before 11-16.
        Assert.Equal(4, figures.Backlog);
        Assert.Equal(30, figures.BacklogTrend.Count);
        Assert.Equal(new BacklogDay(new DateOnly(2026, 11, 25), 4), figures.BacklogTrend[^1]);
        Assert.Equal(new BacklogDay(new DateOnly(2026, 11, 22), 1), figures.BacklogTrend[^4]);
        Assert.Equal(new BacklogDay(new DateOnly(2026, 11, 15), 0), figures.BacklogTrend[^11]);
        // Within 4 Tier 1 hours of 14:30 (until 18:30 CST) only the at-risk case falls due.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.Zero), figures.WillBreachSoon.Until);
        Assert.Equal(["Soon due"], figures.WillBreachSoon.Cases.Select(c => c.Subject));
        Assert.Equal(1, figures.WillBreachSoon.Count);
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<SupportConsole.Data.SupportConsoleDbContext>>().CreateDbContextAsync();
        Assert.Equal(1800, (await db.Cases.FindAsync(answered.Id))!.FirstResponseBusinessSeconds);
    }
}
