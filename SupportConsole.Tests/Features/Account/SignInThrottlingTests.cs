using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Account;

public sealed class SignInThrottlingTests : IAsyncLifetime
{
    private const string ClientHeader = "X-Test-Client-Address";

    private readonly AppFactory app = new(settings: new Dictionary<string, string?> { ["Accounts:SignInPermitLimit"] = "3" })
    {
        // The app does not honour X-Forwarded-For, so the test sets each client's address itself, before the pipeline.
        ConfigureServices = services => services.AddSingleton<IStartupFilter, ClientAddressFilter>(),
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_client_that_keeps_failing_is_throttled_while_the_agent_still_signs_in_from_elsewhere()
    {
        var stranger = Client("203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignIn.PostAsync(stranger, "tier1@supportconsole.local", "guess-" + i)).StatusCode);
        }

        var throttled = await SignIn.PostAsync(stranger, "tier1@supportconsole.local", "Demo-tier1-1");
        var agent = await SignIn.PostAsync(Client("198.51.100.20"), "tier1@supportconsole.local", "Demo-tier1-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Contains("id=\"rate-limited\"", await throttled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, agent.StatusCode);
    }

    [Fact]
    public async Task Many_failures_for_one_account_slow_it_down_but_never_lock_it()
    {
        for (var i = 0; i < 6; i++)
        {
            var failed = await SignIn.PostAsync(Client($"192.0.2.{i + 1}"), "tier1@supportconsole.local", "guess-" + i);
            Assert.Contains("The email or password is not right", await failed.Content.ReadAsStringAsync());
        }

        var agent = await SignIn.PostAsync(Client("198.51.100.20"), "tier1@supportconsole.local", "Demo-tier1-1");

        Assert.Equal(HttpStatusCode.Redirect, agent.StatusCode);
    }

    private HttpClient Client(string address)
    {
        var client = app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(builder);
        };
    }
}
