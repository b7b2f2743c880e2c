using System.Net;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Calendar;

public sealed class CalendarPageAccessTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Theory]
    [InlineData("/admin/holidays", "Holidays")]
    [InlineData("/admin/sla-calculator", "SLA calculator")]
    public async Task Manager_reaches_the_calendar_pages(string path, string title)
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "manager@supportconsole.local", "Demo-manager-1");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"page-title\"", page);
        Assert.Contains(title, page);
    }

    [Theory]
    [InlineData("/admin/holidays")]
    [InlineData("/admin/sla-calculator")]
    public async Task Tier1_agent_is_sent_to_access_denied(string path)
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "tier1@supportconsole.local", "Demo-tier1-1");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Holidays_page_says_how_the_list_was_seeded()
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "manager@supportconsole.local", "Demo-manager-1");

        var page = await client.GetStringAsync("/admin/holidays?year=2026");

        Assert.Contains("US federal holidays", page);
        Assert.Contains("Saturday holiday is observed on the Friday before", page);
        Assert.Contains("Thanksgiving Day", page);
    }
}
