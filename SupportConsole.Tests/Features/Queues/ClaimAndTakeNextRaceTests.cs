using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Queues;

namespace SupportConsole.Tests.Features.Queues;

/// <summary>Races settled by the database: one claim wins, one reply is the first response, take-next never double-claims.</summary>
public sealed class ClaimAndTakeNextRaceTests(QueueApp fixture) : IClassFixture<QueueApp>
{
    private async Task<SupportCase> OpenCaseAsync(string from, string subject, CaseSeverity severity = CaseSeverity.Normal) =>
        (await fixture.App.Services.GetRequiredService<CaseIntake>().AcceptAsync(new IntakeRequest(CaseChannel.Email, from, "Sender", subject, "Body", severity))).Case;

    private async Task<List<Actor>> AgentsAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        // Only accounts that work cases: the desk refuses anyone without a tier role or Manager (Sales, for one).
        var deskRoleIds = await db.Roles.Where(r => ActingUser.DeskRoles.Contains(r.Name!)).Select(r => r.Id).ToListAsync();
        return [.. (await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && deskRoleIds.Contains(ur.RoleId))).OrderBy(u => u.Email).ToListAsync())
            .Select(u => new Actor(u.Id, u.NameOrEmail, u.Email!))];
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task Parallel_claims_of_one_case_have_exactly_one_winner_and_the_others_are_told_who(int agents)
    {
        var supportCase = await OpenCaseAsync("bob@acme.example", $"Claim race {agents}");
        var all = await AgentsAsync();
        var actors = Enumerable.Range(0, agents).Select(i => all[i % all.Count] with { UserId = all[i % all.Count].UserId }).DistinctBy(a => a.UserId).ToList();
        var desk = fixture.App.Services.GetRequiredService<CaseDesk>();

        var results = await Task.WhenAll(actors.Select(a => Task.Run(() => desk.ClaimAsync(supportCase.Id, a))));

        var winners = results.Select((r, i) => (r, a: actors[i])).Where(x => x.r.Succeeded).ToList();
        var winner = Assert.Single(winners);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal($"{winner.a.Name} already has {CaseNumber.Format(supportCase.Number)}.", r.Message));
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        Assert.Equal(winner.a.UserId, (await db.Cases.SingleAsync(c => c.Id == supportCase.Id)).AssigneeId);
    }

    [Fact]
    public async Task Parallel_replies_through_the_desk_record_exactly_one_first_response()
    {
        var supportCase = await OpenCaseAsync("ann@acme.example", "Reply race");
        var agents = (await AgentsAsync()).Take(4).ToList();
        var desk = fixture.App.Services.GetRequiredService<CaseDesk>();

        var results = await Task.WhenAll(agents.Select(a => Task.Run(() => desk.ReplyAsync(supportCase.Id, a, $"Hello from {a.Name}"))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Single(results, r => r.WasFirstResponse);
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        Assert.Equal(agents.Count, await db.CaseEntries.CountAsync(e => e.CaseId == supportCase.Id && e.Kind == CaseEntryKind.Reply));
        Assert.Single(await db.CaseEntries.Where(e => e.CaseId == supportCase.Id && e.Kind == CaseEntryKind.SystemEvent && e.Body.StartsWith("First response")).ToListAsync());
    }

    [Fact]
    public async Task Parallel_take_next_claims_distinct_cases_in_rule_order_and_never_double_claims()
    {
        var agents = await AgentsAsync();
        var desk = fixture.App.Services.GetRequiredService<CaseDesk>();
        var takeNext = fixture.App.Services.GetRequiredService<TakeNext>();
        // Clear the field: every open unclaimed case awaiting a first response is claimed by the first agent.
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync())
        {
            await db.Cases.Where(c => c.AssigneeId == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeId, agents[0].UserId));
        }
        var standard = await OpenCaseAsync("joe@hooli.example", "Take next standard", CaseSeverity.Critical);
        var priorityOld = await OpenCaseAsync("bob@acme.example", "Take next priority old", CaseSeverity.Question);
        var priorityNew = await OpenCaseAsync("carl@acme.example", "Take next priority new", CaseSeverity.High);

        var results = await Task.WhenAll(agents.Take(4).Select(a => Task.Run(() => takeNext.TakeAsync(a))));

        var taken = results.Where(r => r.Succeeded).Select(r => r.CaseId!.Value).ToList();
        Assert.Equal(3, taken.Count);
        Assert.Equal(3, taken.Distinct().Count());
        Assert.Single(results, r => !r.Succeeded && r.Message.StartsWith("Nothing to take"));
        Assert.Contains(results, r => r.CaseId == priorityOld.Id && r.Reason!.StartsWith("Oldest unclaimed priority case awaiting a first response"));
        Assert.Contains(results, r => r.CaseId == standard.Id && r.Reason!.StartsWith("No unclaimed priority case"));
        Assert.Contains(taken, id => id == priorityNew.Id);
    }

    [Fact]
    public async Task With_the_severity_exception_a_critical_standard_case_goes_before_a_mild_priority_case()
    {
        var agents = await AgentsAsync();
        var settings = fixture.App.Services.GetRequiredService<DeskSettings>();
        var takeNext = fixture.App.Services.GetRequiredService<TakeNext>();
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync())
        {
            await db.Cases.Where(c => c.AssigneeId == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeId, agents[0].UserId));
        }
        await OpenCaseAsync("bob@acme.example", "Mild priority", CaseSeverity.Normal);
        var critical = await OpenCaseAsync("joe@hooli.example", "Critical standard", CaseSeverity.Critical);
        await settings.SetSeverityExceptionAsync(new SeverityException(CaseSeverity.Critical, CaseSeverity.Normal), agents[0]);
        try
        {
            var result = await takeNext.TakeAsync(agents[1]);

            Assert.Equal(critical.Id, result.CaseId);
            Assert.StartsWith("Severity exception: a standard case of severity 1 goes ahead of priority cases of severity 3–4", result.Reason);
            Assert.Contains("Exception:", result.Rule);
        }
        finally
        {
            await settings.SetSeverityExceptionAsync(null, agents[0]);
        }
    }
}
