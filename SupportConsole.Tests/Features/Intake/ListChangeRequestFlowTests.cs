using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Customers;
using SupportConsole.Features.Intake;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Intake;

public sealed class ListChangeRequestFlowTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Wednesday14Central = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);
    private readonly AppFactory app = new() { Clock = new FakeTimeProvider(Wednesday14Central) };
    /// <summary>Tina, the demo Tier 1 agent: only an active agent with a tier role or Manager decides a request.</summary>
    private Actor agent = null!;

    public async ValueTask InitializeAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var tina = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "tier1@supportconsole.local");
        agent = new Actor(tina.Id, "Tina Tier1", "tier1@supportconsole.local");
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task<SupportCase> OpenCaseAsync(string from, string subject, string body, bool authenticated = false)
    {
        var intake = app.Services.GetRequiredService<CaseIntake>();
        return (await intake.AcceptAsync(new IntakeRequest(CaseChannel.Email, from, "Sender", subject, body, CaseSeverity.Normal,
            SenderAuthenticated: authenticated, SenderCheck: authenticated ? "dmarc=pass by mx.vendor.example" : null))).Case;
    }

    [Fact]
    public async Task Primary_contacts_request_is_parsed_approved_applied_audited_and_answered()
    {
        var supportCase = await OpenCaseAsync("ann@acme.example", "Please update our origination list",
            "Hi,\nAdd: bob@partner.example\nRemove: ops@acme-partners.example\nThanks,\nAnn", authenticated: true);
        var requests = app.Services.GetRequiredService<ListChangeRequests>();

        var view = await requests.ForCaseAsync(supportCase.Id);

        Assert.NotNull(view);
        Assert.True(view.CanApprove, view.WhyNot);
        Assert.Equal(["bob@partner.example"], view.Additions);
        Assert.Equal(["ops@acme-partners.example"], view.Removals);
        Assert.Equal("Acme Corp", view.CustomerName);

        var result = await requests.ApproveAsync(view.Id, agent);

        Assert.True(result.Succeeded, result.Message);
        var acme = await app.Services.GetRequiredService<CustomerBook>().GetAsync(view.CustomerId!.Value);
        Assert.Equal(["acme.example", "bob@partner.example"], acme!.OriginationList.Select(e => e.Value).Order());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditTrail.Where(a => a.CustomerId == acme.Id).ToListAsync();
        Assert.Contains(audit, a => a.Action.Contains("origination list changed") && a.Actor.Contains("tier1@supportconsole.local"));
        var reply = await db.Outbox.SingleAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.Reply);
        Assert.Equal("ann@acme.example", reply.To);
        Assert.Contains("+ added bob@partner.example", reply.Body);
        Assert.Equal(CaseStatus.Resolved, (await db.Cases.SingleAsync(c => c.Id == supportCase.Id)).Status);
        Assert.False((await requests.ApproveAsync(view.Id, agent)).Succeeded);

        var routed = await OpenCaseAsync("bob@partner.example", "Hello", "Now on the list");
        Assert.Equal(CaseQueue.Priority, routed.Queue);
    }

    [Fact]
    public async Task Request_from_someone_other_than_the_primary_contact_cannot_be_approved_and_says_why()
    {
        var supportCase = await OpenCaseAsync("bob@acme.example", "Change the origination list", "Add: eve@evil.example");
        var requests = app.Services.GetRequiredService<ListChangeRequests>();

        var view = await requests.ForCaseAsync(supportCase.Id);

        Assert.NotNull(view);
        Assert.False(view.CanApprove);
        Assert.Contains("primary contact", view.WhyNot);
        var refused = await requests.ApproveAsync(view.Id, agent);
        Assert.False(refused.Succeeded);
        var acme = (await app.Services.GetRequiredService<CustomerBook>().ListAsync("Acme")).Single();
        Assert.DoesNotContain(acme.OriginationList, e => e.Value == "eve@evil.example");
    }

    [Fact]
    public async Task Rejection_needs_a_reason_and_tells_the_contact()
    {
        var supportCase = await OpenCaseAsync("ann@acme.example", "Origination list change", "Add: acme-new.example");
        var requests = app.Services.GetRequiredService<ListChangeRequests>();
        var view = (await requests.ForCaseAsync(supportCase.Id))!;

        Assert.False((await requests.RejectAsync(view.Id, agent, " ")).Succeeded);
        Assert.True((await requests.RejectAsync(view.Id, agent, "That domain belongs to another company.")).Succeeded);

        var after = (await requests.ForCaseAsync(supportCase.Id))!;
        Assert.Equal(ListChangeStatus.Rejected, after.Status);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        Assert.Contains("another company", (await db.Outbox.SingleAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.Reply)).Body);
    }

    [Fact]
    public async Task Chosen_category_makes_a_change_request_even_with_a_plain_subject()
    {
        var intake = app.Services.GetRequiredService<CaseIntake>();
        var supportCase = (await intake.AcceptAsync(new IntakeRequest(CaseChannel.Web, "ann@acme.example", "Ann", "New colleague", "Add: carol@acme-partners.example",
            CaseSeverity.Question, Category: SupportConsole.Domain.Intake.OriginationListChangeRequest.Category))).Case;

        var view = await app.Services.GetRequiredService<ListChangeRequests>().ForCaseAsync(supportCase.Id);

        Assert.NotNull(view);
        Assert.Equal(["carol@acme-partners.example"], view.Additions);
    }

    [Fact]
    public async Task Ordinary_case_is_not_a_change_request()
    {
        var supportCase = await OpenCaseAsync("ann@acme.example", "Printer on fire", "Add: more paper");

        Assert.Null(await app.Services.GetRequiredService<ListChangeRequests>().ForCaseAsync(supportCase.Id));
    }
}
