using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Hosting;
using SupportConsole.Tests.Features.Intake.WebForm;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Hosting;

/// <summary>One host for the header checks; they only read, apart from one web-form case for the download.</summary>
public sealed class SecurityHeadersApp() : SharedApp;

public sealed class SecurityHeadersTests(SecurityHeadersApp shared) : IClassFixture<SecurityHeadersApp>
{
    private readonly AppFactory app = shared.App;

    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/queues", HttpStatusCode.Redirect)]
    public async Task Pages_static_files_and_redirects_carry_the_headers(string path, HttpStatusCode expected)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertHardened(response, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task An_api_401_carries_the_headers()
    {
        var response = await ApiClient.Create(app, key: null).GetAsync("/api/cases/SC-100000");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertHardened(response, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task An_api_404_carries_the_headers()
    {
        var response = await ApiClient.Create(app).GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertHardened(response, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task A_page_404_carries_the_headers()
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "tier1@supportconsole.local", "Demo-tier1-1");

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertHardened(response, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task An_attachment_download_carries_the_headers()
    {
        Assert.Equal(HttpStatusCode.OK, (await WebFormPost.SendAsync(app.CreateBrowserLikeClient(), files: [("log.txt", "line 1"u8.ToArray())])).StatusCode);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var attachment = await db.CaseAttachments.OrderByDescending(a => a.Id).FirstAsync();
        var caseId = await db.CaseEntries.Where(e => e.Id == attachment.CaseEntryId).Select(e => e.CaseId).SingleAsync();
        var number = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleAsync();
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "tier1@supportconsole.local", "Demo-tier1-1");

        var response = await client.GetAsync($"/cases/SC-{number}/attachments/{attachment.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("line 1", await response.Content.ReadAsStringAsync());
        AssertHardened(response, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task The_api_reference_gets_its_own_policy_and_still_cannot_be_framed()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/api-reference/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response, SecurityHeaders.ToolPagesContentSecurityPolicy);
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ToolPagesContentSecurityPolicy);
    }

    [Fact]
    public async Task Hsts_is_not_sent_over_plain_http_even_in_production()
    {
        await using var production = new AppFactory("Production", new Dictionary<string, string?> { ["Demo:Seed"] = "false" });

        var response = await production.CreateBrowserLikeClient().GetAsync("/account/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        AssertHardened(response, SecurityHeaders.ContentSecurityPolicy);
    }

    private static void AssertHardened(HttpResponseMessage response, string policy)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal(policy, Header(response, "Content-Security-Policy"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
