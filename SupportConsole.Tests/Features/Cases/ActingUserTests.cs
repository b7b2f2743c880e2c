using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
/// The desk checks the acting agent's account as it is in the database when they act, not the roles their page was
/// opened with: an account without a tier role, a disabled one, or one demoted after the page loaded is refused, and
/// nothing is stored. Through the real services on one shared host.
/// </summary>
public sealed class ActingUserTests(CaseDeskApp fixture) : IClassFixture<CaseDeskApp>
{
    private CaseDesk Desk => fixture.Desk;

    private const string NoDeskRole = "Your account no longer has the Tier 1, Tier 2, Tier 3 or Manager role; reload the page.";

    [Fact]
    public async Task An_admin_only_account_cannot_claim_reply_note_or_escalate_and_nothing_is_stored()
    {
        var admin = await AgentAsync(Roles.Admin);
        var supportCase = await OpenCaseAsync();

        Assert.Equal(DeskResult.Refused(NoDeskRole), await Desk.ClaimAsync(supportCase.Id, admin));
        Assert.Equal(new ReplyResult(false, NoDeskRole, false), await Desk.ReplyAsync(supportCase.Id, admin, "Hello from an admin"));
        Assert.Equal(DeskResult.Refused(NoDeskRole), await Desk.AddNoteAsync(supportCase.Id, admin, "A note"));
        Assert.Equal(DeskResult.Refused(NoDeskRole), await Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, "Needs an engineer", admin));
        Assert.Equal(DeskResult.Refused(NoDeskRole), await Desk.ChangeSeverityAsync(supportCase.Id, CaseSeverity.Critical, "Why", admin));
        Assert.Equal(DeskResult.Refused(NoDeskRole), await Desk.ChangeStatusAsync(supportCase.Id, CaseStatus.Resolved, admin));
        Assert.Equal(DeskResult.Refused(NoDeskRole), await Desk.ReassignAsync(supportCase.Id, fixture.Tina.UserId, admin));
        Assert.Contains("Tier 1", NoDeskRole, StringComparison.Ordinal);

        var after = await CaseAsync(supportCase.Id);
        Assert.Null(after.AssigneeId);
        Assert.Equal(supportCase.Version, after.Version);
        Assert.Equal(SupportTier.Tier1, after.Tier);
        Assert.Equal(supportCase.Severity, after.Severity);
        Assert.Null(after.FirstRespondedAtUtc);
        await using var db = await fixture.DbAsync();
        Assert.False(await db.CaseEntries.AnyAsync(e => e.CaseId == supportCase.Id && (e.Kind == CaseEntryKind.Reply || e.Kind == CaseEntryKind.InternalNote)));
        Assert.False(await db.Outbox.AnyAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.Reply));
        Assert.False(await db.Escalations.AnyAsync(e => e.CaseId == supportCase.Id));
    }

    [Fact]
    public async Task A_disabled_tier1_agents_next_claim_fails()
    {
        var agent = await AgentAsync(Roles.Tier1);
        var first = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(first.Id, agent)).Succeeded);

        await SetDisabledInDatabaseAsync(agent.UserId);
        var second = await OpenCaseAsync();

        Assert.Equal(DeskResult.Refused("Your account is disabled."), await Desk.ClaimAsync(second.Id, agent));
        Assert.Null((await CaseAsync(second.Id)).AssigneeId);
    }

    [Fact]
    public async Task An_agent_demoted_after_the_page_loaded_fails_on_the_next_action()
    {
        var agent = await AgentAsync(Roles.Tier1);
        var supportCase = await OpenCaseAsync();
        Assert.True((await Desk.ClaimAsync(supportCase.Id, agent)).Succeeded);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
            var user = (await users.FindByIdAsync(agent.UserId))!;
            Assert.True((await users.RemoveFromRoleAsync(user, Roles.Tier1)).Succeeded);
        }

        Assert.Equal(DeskResult.Refused(NoDeskRole), await Desk.AddNoteAsync(supportCase.Id, agent, "Still here?"));
        var result = await Desk.ReplyAsync(supportCase.Id, agent, "Hello");
        Assert.False(result.Succeeded);
        Assert.Equal(NoDeskRole, result.Message);
        await using var db = await fixture.DbAsync();
        Assert.False(await db.CaseEntries.AnyAsync(e => e.CaseId == supportCase.Id && (e.Kind == CaseEntryKind.Reply || e.Kind == CaseEntryKind.InternalNote)));
    }

    [Fact]
    public async Task The_system_actor_still_reassigns_escalations_by_rule()
    {
        var supportCase = await OpenCaseAsync();

        var result = await Desk.ReassignEscalationByRuleAsync(supportCase.Id, null, "Test.");

        // No escalation to assign: refused for that reason, not for the (empty) system account.
        Assert.Equal(DeskResult.Refused("Nothing to assign."), result);
    }

    [Fact]
    public async Task An_api_reply_or_escalation_by_an_author_without_a_tier_role_is_refused_and_nothing_is_sent()
    {
        var admin = await AgentAsync(Roles.Admin);
        var supportCase = await OpenCaseAsync();
        using var api = ApiClient.Create(fixture.App);
        var number = CaseNumber.Format(supportCase.Number);

        var reply = await api.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "From an admin", author = admin.Email }, TestContext.Current.CancellationToken);
        var escalation = await api.PostAsJsonAsync($"/api/cases/{number}/escalations", new { tier = 2, reason = "From an admin", author = admin.Email }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        var replyError = (await reply.JsonAsync()).GetProperty("errors").GetProperty("author")[0].GetString();
        Assert.Equal($"'{admin.Email}' holds no Tier 1, Tier 2, Tier 3 or Manager role, so cannot reply on a case.", replyError);
        Assert.Equal(HttpStatusCode.BadRequest, escalation.StatusCode);
        Assert.Contains("cannot escalate a case", (await escalation.JsonAsync()).GetProperty("errors").GetProperty("author")[0].GetString(), StringComparison.Ordinal);
        await using var db = await fixture.DbAsync();
        Assert.False(await db.Outbox.AnyAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.Reply, TestContext.Current.CancellationToken));
        Assert.False(await db.Escalations.AnyAsync(e => e.CaseId == supportCase.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Refusal_names_a_single_missing_role_and_accepts_an_active_holder()
    {
        var acting = fixture.App.Services.GetRequiredService<ActingUser>();
        var admin = await AgentAsync(Roles.Admin);
        var agent = await AgentAsync(Roles.Tier1);

        Assert.Equal("Your account no longer has the Tier 1 role; reload the page.", await acting.RefusalAsync(admin.UserId, Roles.Tier1));
        Assert.Null(await acting.RefusalAsync(agent.UserId, Roles.Tier1, Roles.Manager));
        Assert.Equal("Your account no longer exists; sign in again.", await acting.RefusalAsync("no-such-user", Roles.Tier1));
    }

    // ---- Helpers ----

    /// <summary>A fresh active account holding only <paramref name="roles"/>.</summary>
    private async Task<Actor> AgentAsync(params string[] roles)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var email = $"acting-{Guid.NewGuid():N}@supportconsole.local";
        var user = new AgentUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Acting " + string.Join("+", roles) };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return Actors.Of(user);
    }

    private async Task SetDisabledInDatabaseAsync(string userId)
    {
        await using var db = await fixture.DbAsync();
        Assert.Equal(1, await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));
    }

    private async Task<SupportCase> OpenCaseAsync()
    {
        var sender = $"user-{Guid.NewGuid():N}@acme.example";
        var intake = fixture.App.Services.GetRequiredService<CaseIntake>();
        var result = await intake.AcceptAsync(new IntakeRequest(CaseChannel.Email, sender, "Ann Archer", $"Acting user {Guid.NewGuid():N}", "It burns.", CaseSeverity.Normal));
        Assert.True(result.Created);
        return await CaseAsync(result.Case.Id);
    }

    private async Task<SupportCase> CaseAsync(long id)
    {
        await using var db = await fixture.DbAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }
}
