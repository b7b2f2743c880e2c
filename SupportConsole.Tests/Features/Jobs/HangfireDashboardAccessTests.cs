using System.Net;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Jobs;

public sealed class HangfireDashboardAccessTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("tier1@supportconsole.local", "Demo-tier1-1")]
    [InlineData("tier2@supportconsole.local", "Demo-tier2-1")]
    [InlineData("tier3@supportconsole.local", "Demo-tier3-1")]
    public async Task Agents_and_engineers_are_refused(string email, string password)
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, email, password);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("manager@supportconsole.local", "Demo-manager-1")]
    [InlineData("admin@supportconsole.local", "Demo-admin-1")]
    public async Task Managers_and_administrators_see_the_dashboard(string email, string password)
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, email, password);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SupportConsole jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_key_does_not_open_the_dashboard()
    {
        var response = await ApiClient.Create(app).GetAsync("/hangfire");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
