using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Cases;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>The listener with <c>Email:Authentication:TrustedServIds</c> set and <c>RequirePass</c> on, as production runs it.</summary>
public sealed class AuthenticatingSmtpHost : IAsyncLifetime
{
    public const string ServId = "mx.vendor.example";

    public SmtpHost Host { get; } = new(new Dictionary<string, string?>
    {
        ["Email:Authentication:TrustedServIds"] = ServId,
        ["Email:Authentication:RequirePass"] = "true",
    });

    public ValueTask InitializeAsync() => Host.InitializeAsync();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>
/// Priority, list changes and threads by what the desk's own receiving server says of the sender: a listed From gets
/// priority only when authenticated, and the reason is on the case when it does not.
/// </summary>
[Collection(nameof(SmtpHostCollection))]
public sealed class SenderAuthenticationTests(AuthenticatingSmtpHost fixture) : IClassFixture<AuthenticatingSmtpHost>
{
    private SmtpHost Host => fixture.Host;

    private static MimeMessage Signed(string from, string subject, string body, string? authenticationResults)
    {
        var message = SmtpHost.Mail(from, subject, body);
        if (authenticationResults is not null)
        {
            message.Headers.Insert(0, new Header(HeaderId.AuthenticationResults, authenticationResults));
        }
        return message;
    }

    [Theory]
    [InlineData("mx.vendor.example; dmarc=pass header.from=acme.example", CaseQueue.Priority, null)]
    [InlineData("mx.vendor.example; spf=pass smtp.mailfrom=bounce@acme.example", CaseQueue.Priority, null)]
    [InlineData("mx.vendor.example; dmarc=fail (p=reject) header.from=acme.example", CaseQueue.Standard, "sender not authenticated: dmarc=fail by mx.vendor.example; ")]
    [InlineData("mx.vendor.example; spf=pass smtp.mailfrom=x@evil.example", CaseQueue.Standard, "sender not authenticated: spf=pass by mx.vendor.example, none passing for acme.example; ")]
    [InlineData("mx.evil.example; dmarc=pass header.from=acme.example", CaseQueue.Standard, "sender not authenticated: no Authentication-Results from a trusted receiving server; ")]
    [InlineData(null, CaseQueue.Standard, "sender not authenticated: no Authentication-Results from a trusted receiving server; ")]
    public async Task A_listed_sender_gets_priority_only_when_a_trusted_server_authenticated_the_From(string? results, CaseQueue queue, string? reasonStart)
    {
        var answer = await Host.SendAsync(Signed("someone@acme.example", "Outage", "Everything is down.", results));

        var supportCase = await Host.CaseAsync(SmtpHost.CaseNumberIn(answer));
        Assert.Equal(queue, supportCase.Queue);
        Assert.NotNull(supportCase.CustomerId);
        if (reasonStart is null)
        {
            Assert.DoesNotContain("not authenticated", supportCase.RoutingReason);
        }
        else
        {
            Assert.StartsWith(reasonStart, supportCase.RoutingReason);
        }
    }

    [Fact]
    public async Task A_stranger_is_not_told_they_are_unauthenticated_since_they_never_had_priority()
    {
        var answer = await Host.SendAsync(Signed("pat@stranger.example", "Question", "How do I?", null));

        var supportCase = await Host.CaseAsync(SmtpHost.CaseNumberIn(answer));
        Assert.Equal(CaseQueue.Standard, supportCase.Queue);
        Assert.DoesNotContain("not authenticated", supportCase.RoutingReason);
    }

    [Fact]
    public async Task An_authenticated_list_change_from_the_primary_contact_can_be_approved_at_once()
    {
        var answer = await Host.SendAsync(Signed("ann@acme.example", "Please add to our origination list", "Add: dora@acme-partners.example",
            "mx.vendor.example; dmarc=pass header.from=acme.example"));

        var supportCase = await Host.CaseAsync(SmtpHost.CaseNumberIn(answer));
        var view = await Host.App.Services.GetRequiredService<ListChangeRequests>().ForCaseAsync(supportCase.Id);
        Assert.NotNull(view);
        Assert.True(view.CanApprove, view.WhyNot);
        Assert.Equal("Authenticated: dmarc=pass by mx.vendor.example.", view.Verification);
        await using var db = await Host.Db();
        Assert.False(await db.SenderConfirmations.AnyAsync(c => c.CaseId == supportCase.Id));
    }

    [Fact]
    public async Task A_spoofed_list_change_in_the_primary_contact_s_name_cannot_be_approved_and_the_contact_on_file_is_asked()
    {
        var answer = await Host.SendAsync(Signed("ann@acme.example", "Please add to our origination list", "Add: mallory@evil.example",
            "mx.vendor.example; dmarc=fail header.from=acme.example"));

        var supportCase = await Host.CaseAsync(SmtpHost.CaseNumberIn(answer));
        var view = await Host.App.Services.GetRequiredService<ListChangeRequests>().ForCaseAsync(supportCase.Id);
        Assert.NotNull(view);
        Assert.False(view.CanApprove);
        Assert.Contains("Nothing proves this request comes from ann@acme.example", view.WhyNot);
        Assert.True(view.NeedsConfirmation);
        Assert.Contains("dmarc=fail by mx.vendor.example", view.Verification);
        await using var db = await Host.Db();
        var asked = await db.Outbox.AsNoTracking().SingleAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.SenderConfirmation);
        Assert.Equal("ann@acme.example", asked.To);
        Assert.Contains("+ add mallory@evil.example", asked.Body);
        Assert.Contains("/confirm/", asked.Body);
    }

    [Fact]
    public async Task A_reply_whose_From_domain_fails_DMARC_cannot_write_into_the_case()
    {
        var original = SmtpHost.CaseNumberIn(await Host.SendAsync(Signed("lead@acme.example", "Invoices", "Where are they?", "mx.vendor.example; dmarc=pass")));

        var answer = await Host.SendAsync(Signed("lead@acme.example", $"Re: [SC-{original}] Invoices", "Pay the new account.", "mx.vendor.example; dmarc=fail header.from=acme.example"));

        Assert.NotEqual(original, SmtpHost.CaseNumberIn(answer));
        Assert.DoesNotContain((await Host.CaseAsync(original)).Thread, e => e.Body.Contains("Pay the new account."));
    }
}
