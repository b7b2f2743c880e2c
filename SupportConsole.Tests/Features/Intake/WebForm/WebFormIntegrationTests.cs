using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Intake.WebForm;

public sealed class WebFormIntegrationTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task The_form_is_public_and_offers_every_severity_with_its_hint()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/submit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("enctype=\"multipart/form-data\"", page);
        foreach (var severity in Enum.GetValues<CaseSeverity>())
        {
            Assert.Contains(severity.Hint(), System.Net.WebUtility.HtmlDecode(page));
        }
        Assert.Contains("name=\"website\"", page);
    }

    [Fact]
    public async Task A_valid_post_opens_a_web_case_and_confirms_its_number()
    {
        var response = await WebFormPost.SendAsync(app.CreateBrowserLikeClient());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var supportCase = Assert.Single(await WebFormPost.CasesAsync(app));
        Assert.Equal(CaseChannel.Web, supportCase.Channel);
        Assert.Equal(CaseSeverity.High, supportCase.Severity);
        Assert.Equal("pat@example.com", supportCase.FromAddress);
        Assert.Contains($"SC-{supportCase.Number}", page);
        Assert.Contains("in the subject", page);
        Assert.Contains("Tier 1 team works Monday to Friday, 7am to 7pm US Central", page);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_creates_nothing()
    {
        var response = await WebFormPost.SendAsync(app.CreateBrowserLikeClient(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await WebFormPost.CasesAsync(app));
    }

    [Fact]
    public async Task A_filled_honeypot_pretends_success_but_creates_nothing()
    {
        var response = await WebFormPost.SendAsync(app.CreateBrowserLikeClient(), new() { ["website"] = "http://spam.example" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"confirmation\"", page);
        Assert.DoesNotContain("SC-1", page);
        Assert.Empty(await WebFormPost.CasesAsync(app));
    }

    [Fact]
    public async Task A_script_in_the_subject_is_stored_as_text_and_shown_encoded()
    {
        const string subject = "<script>alert('x')</script> broken";

        var response = await WebFormPost.SendAsync(app.CreateBrowserLikeClient(), new() { ["Input.Subject"] = subject });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(subject, Assert.Single(await WebFormPost.CasesAsync(app)).Subject);
        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; broken", page);
    }

    [Fact]
    public async Task A_bad_email_and_missing_fields_are_answered_next_to_each_field_and_create_nothing()
    {
        var response = await WebFormPost.SendAsync(app.CreateBrowserLikeClient(), new() { ["Input.Email"] = "not-an-address", ["Input.Subject"] = "", ["Input.Severity"] = "" });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-summary\"", page);
        Assert.Contains("Enter a valid email address", page);
        Assert.Contains("Give your request a short subject.", page);
        Assert.Contains("Choose how badly this affects you.", page);
        Assert.Contains("href=\"/submit#email\"", page);
        Assert.Empty(await WebFormPost.CasesAsync(app));
    }

    [Fact]
    public async Task Sending_the_same_form_twice_opens_one_case()
    {
        var client = app.CreateBrowserLikeClient();
        var token = Guid.NewGuid().ToString("N");

        var first = await WebFormPost.SendAsync(client, new() { ["Input.Token"] = token });
        var again = await WebFormPost.SendAsync(client, new() { ["Input.Token"] = token });

        var supportCase = Assert.Single(await WebFormPost.CasesAsync(app));
        Assert.Contains($"SC-{supportCase.Number}", await first.Content.ReadAsStringAsync());
        Assert.Contains($"SC-{supportCase.Number}", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Attachments_are_stored_under_the_case_number_on_its_first_customer_message()
    {
        var response = await WebFormPost.SendAsync(app.CreateBrowserLikeClient(), files: [("log.txt", "line 1\nline 2"u8.ToArray()), ("../../evil.txt", "x"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var supportCase = Assert.Single(await WebFormPost.CasesAsync(app));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var message = supportCase.Thread.Where(e => e.Kind == CaseEntryKind.CustomerMessage).OrderBy(e => e.Id).First();
        var attachments = await db.CaseAttachments.Where(a => a.CaseEntryId == message.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["log.txt", "evil.txt"], attachments.Select(a => a.FileName));
        var folders = app.Services.GetRequiredService<DataFolders>();
        Assert.All(attachments, a => Assert.StartsWith($"SC-{supportCase.Number}/", a.StoragePath));
        Assert.Equal("line 1\nline 2", await File.ReadAllTextAsync(Path.Combine(folders.Attachments, attachments[0].StoragePath)));
    }

    [Fact]
    public async Task More_than_five_attachments_are_refused_with_a_message_and_no_case()
    {
        var files = Enumerable.Range(1, 6).Select(i => ($"f{i}.txt", "x"u8.ToArray())).ToArray();

        var response = await WebFormPost.SendAsync(app.CreateBrowserLikeClient(), files: files);

        Assert.Contains("Attach at most 5 files", await response.Content.ReadAsStringAsync());
        Assert.Empty(await WebFormPost.CasesAsync(app));
    }
}

public sealed class WebFormRateLimitTests : IAsyncLifetime
{
    private readonly AppFactory app = new(settings: new Dictionary<string, string?> { ["WebForm:PermitLimit"] = "2", ["WebForm:WindowSeconds"] = "300" });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Posts_over_the_per_address_limit_get_429_with_a_friendly_page_while_the_form_still_loads()
    {
        var client = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await WebFormPost.SendAsync(client)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebFormPost.SendAsync(client)).StatusCode);

        var third = await WebFormPost.SendAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var page = await third.Content.ReadAsStringAsync();
        Assert.Contains("Please wait 5 minutes", page);
        Assert.Contains("support@supportconsole.local", page);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(2, (await WebFormPost.CasesAsync(app)).Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/submit")).StatusCode);
    }
}
