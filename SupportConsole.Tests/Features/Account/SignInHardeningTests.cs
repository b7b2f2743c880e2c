using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Features.Account;
using SupportConsole.Features.Admin;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Account;

/// <summary>One host for the sign-in hardening tests; each test starts from the accounts as start-up made them.</summary>
public sealed class SignInHardeningApp() : SharedApp;

public sealed partial class SignInHardeningTests(SignInHardeningApp shared) : IClassFixture<SignInHardeningApp>, IAsyncLifetime
{
    private readonly AppFactory app = shared.App;

    public ValueTask InitializeAsync() => new(shared.ResetAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Unknown_address_wrong_password_and_disabled_account_get_the_same_answer()
    {
        var unknown = await ErrorAsync("nobody@supportconsole.local", "Demo-tier1-1");
        var wrong = await ErrorAsync("tier1@supportconsole.local", "not-the-password");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
            var tier1b = (await users.FindByEmailAsync("tier1b@supportconsole.local"))!.Id;
            var admin = (await users.FindByEmailAsync("admin@supportconsole.local"))!.Id;
            Assert.Empty(await app.Services.GetRequiredService<AgentDirectory>().SetDisabledAsync(tier1b, true, admin));
        }
        var disabled = await ErrorAsync("tier1b@supportconsole.local", "Demo-tier1-1");

        Assert.Contains("The email or password is not right", unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, disabled);
    }

    [Fact]
    public async Task Sign_out_without_its_antiforgery_token_is_refused()
    {
        var client = app.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, "tier1@supportconsole.local", "Demo-tier1-1");

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/queues")).StatusCode);
    }

    [Theory]
    [InlineData("/cases/SC-100000?q=é", "/cases/SC-100000?q=%C3%A9")]
    [InlineData("/queues", "/queues")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    public async Task A_correct_sign_in_goes_to_a_local_return_url_only(string returnUrl, string expected)
    {
        var client = app.CreateBrowserLikeClient();
        var path = "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        var response = await PostAsync(client, path, "tier1@supportconsole.local", "Demo-tier1-1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Theory]
    [InlineData("/cases/SC-1?q=é#top", "/cases/SC-1?q=%C3%A9#top")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("cases", "/")]
    [InlineData("/ok\n", "/")]
    public void Return_urls_are_local_and_ascii(string? url, string expected) => Assert.Equal(expected, LocalReturnUrl.From(url));

    private async Task<string> ErrorAsync(string email, string password)
    {
        var response = await SignIn.PostAsync(app.CreateBrowserLikeClient(), email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ErrorNotice().Match(await response.Content.ReadAsStringAsync()).Value;
    }

    /// <summary>Posts the sign-in form to the page's own address (query included), as the browser does.</summary>
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string email, string password)
    {
        var form = await client.GetStringAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<div class=\"notice error\"[^<]*</div>")]
    private static partial Regex ErrorNotice();
}
