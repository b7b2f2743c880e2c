using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Intake;

/// <summary>One host on a fake clock for the case API tests; each test starts from a reset database and clock.</summary>
public sealed class CaseApiApp() : SharedApp(CaseApiTests.Wednesday14Central);

public sealed class CaseApiTests(CaseApiApp shared) : IClassFixture<CaseApiApp>, IAsyncLifetime
{
    // Wed 2026-11-25 14:00 CST: Tier 1 open, Thanksgiving (a seeded federal holiday) tomorrow.
    internal static readonly DateTimeOffset Wednesday14Central = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);
    private readonly AppFactory app = shared.App;
    private readonly HttpClient api = ApiClient.Create(shared.App);
    private FakeTimeProvider clock = default!;

    public async ValueTask InitializeAsync()
    {
        await shared.ResetAsync();
        clock = shared.Clock;
    }

    public ValueTask DisposeAsync()
    {
        api.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Case_from_a_listed_domain_of_an_active_pro_plus_customer_lands_in_priority_with_its_deadline()
    {
        var response = await api.PostCaseAsync(new { from = "Bob@ACME.example ", name = "Bob", subject = "Printer on fire", body = "Help", severity = 2 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal("priority", json.GetProperty("queue").GetString());
        Assert.Equal("bob@acme.example", json.GetProperty("from").GetString());
        Assert.Equal("matched domain acme.example on Acme Corp's list", json.GetProperty("routingReason").GetString());
        Assert.Equal("api", json.GetProperty("channel").GetString());
        Assert.Equal("2026-11-25T20:00:00Z", json.GetProperty("receivedAt").GetString());
        var sla = json.GetProperty("sla");
        Assert.Equal("running", sla.GetProperty("state").GetString());
        Assert.Equal("2026-11-30T20:00:00Z", sla.GetProperty("firstResponseDueAt").GetString());
        Assert.Equal("2026-11-30T16:00:00Z", sla.GetProperty("atRiskAt").GetString());
        Assert.Equal($"/api/cases/{json.GetProperty("number").GetString()}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("someone@example.org", "sender not on any origination list")]
    [InlineData("zed@globex.example", "Globex's Pro Plus term ended")]
    [InlineData("gavin@hooli.example", "Hooli is on Free Support")]
    public async Task Case_outside_an_active_list_lands_in_standard_with_the_reason_and_no_commitment(string from, string reason)
    {
        var json = await (await api.PostCaseAsync(new { from, subject = "Question", body = "?", severity = 4 })).JsonAsync();

        Assert.Equal("standard", json.GetProperty("queue").GetString());
        Assert.StartsWith(reason, json.GetProperty("routingReason").GetString());
        Assert.Equal("none", json.GetProperty("sla").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("sla").GetProperty("firstResponseDueAt").ValueKind);
    }

    [Fact]
    public async Task Retry_with_the_same_idempotency_key_returns_the_first_case_instead_of_a_second()
    {
        var first = await api.PostCaseAsync(new { from = "ann@acme.example", subject = "Once", body = "b", severity = 3 }, "retry-1");
        var second = await api.PostCaseAsync(new { from = "ann@acme.example", subject = "Once", body = "b", severity = 3 }, "retry-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("number").GetString(), (await second.JsonAsync()).GetProperty("number").GetString());
        var queue = await (await api.GetAsync("/api/queues/priority")).JsonAsync();
        Assert.Equal(1, queue.GetArrayLength());
    }

    [Fact]
    public async Task Parallel_retries_with_one_idempotency_key_create_exactly_one_case()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            api.PostCaseAsync(new { from = "ann@acme.example", subject = "Race", body = "b", severity = 3 }, "race-key")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("number").GetString()));
        Assert.Single(numbers.Distinct());
    }

    [Fact]
    public async Task Imported_case_keeps_its_received_at_and_is_already_breached_when_past_due()
    {
        var response = await api.PostCaseAsync(new { from = "ann@acme.example", subject = "Old", body = "b", severity = 3, receivedAt = "2026-11-16T08:00:00-06:00" });

        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("2026-11-16T14:00:00Z", json.GetProperty("receivedAt").GetString());
        Assert.Equal("2026-11-18T14:00:00Z", json.GetProperty("sla").GetProperty("firstResponseDueAt").GetString());
        Assert.Equal("breached", json.GetProperty("sla").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Queue_lists_open_cases_in_arrival_order_even_when_an_import_is_older()
    {
        await api.PostCaseAsync(new { from = "a@acme.example", subject = "First", body = "b", severity = 3 });
        clock.Advance(TimeSpan.FromSeconds(1));
        await api.PostCaseAsync(new { from = "b@acme.example", subject = "Imported", body = "b", severity = 1, receivedAt = "2026-11-01T15:00:00Z" });
        await api.PostCaseAsync(new { from = "c@acme.example", subject = "Same second", body = "b", severity = 3 });

        var queue = await (await api.GetAsync("/api/queues/priority")).JsonAsync();

        var subjects = queue.EnumerateArray().Select(c => c.GetProperty("subject").GetString()).ToList();
        Assert.Equal(["First", "Imported", "Same second"], subjects);
        var sequences = queue.EnumerateArray().Select(c => c.GetProperty("arrivalSequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
    }

    [Fact]
    public async Task Invalid_case_gets_every_field_problem_at_once()
    {
        var response = await api.PostCaseAsync(new { from = "not-an-address", subject = "", body = "b", severity = 9, receivedAt = "yesterday" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "from", "subject", "severity", "receivedAt" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no message for {field}");
        }
    }

    [Fact]
    public async Task Import_dated_in_the_future_is_refused()
    {
        var response = await api.PostCaseAsync(new { from = "ann@acme.example", subject = "Later", body = "b", severity = 3, receivedAt = "2026-12-25T00:00:00Z" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("future", (await response.JsonAsync()).GetProperty("errors").GetProperty("receivedAt")[0].GetString());
    }

    [Fact]
    public async Task Script_in_a_subject_is_kept_as_text()
    {
        var json = await (await api.PostCaseAsync(new { from = "ann@acme.example", subject = "<script>alert(1)</script>", body = "<b>x</b>", severity = 3 })).JsonAsync();

        Assert.Equal("<script>alert(1)</script>", json.GetProperty("subject").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Api_without_a_valid_key_answers_401_problem(string? key)
    {
        var client = ApiClient.Create(app, key);

        var response = await client.PostCaseAsync(new { from = "ann@acme.example", subject = "x", body = "b", severity = 3 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/queues/priority")).StatusCode);
    }

    [Fact]
    public async Task Unknown_case_is_404_and_unknown_queue_is_400()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/cases/SC-999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/cases/banana")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/queues/vip")).StatusCode);
    }

    [Fact]
    public async Task Case_can_be_read_back_by_its_number()
    {
        var created = await (await api.PostCaseAsync(new { from = "ann@acme.example", subject = "Read me", body = "b", severity = 3 })).JsonAsync();
        var number = created.GetProperty("number").GetString();

        var read = await (await api.GetAsync($"/api/cases/{number}")).JsonAsync();

        Assert.Equal("Read me", read.GetProperty("subject").GetString());
        Assert.Equal(created.GetProperty("arrivalSequence").GetInt64(), read.GetProperty("arrivalSequence").GetInt64());
    }
}

public sealed class ConcurrentIntakeTests
{
    [Fact]
    public async Task Parallel_intake_gives_every_case_its_own_number_and_arrival_sequence()
    {
        await using var app = new AppFactory();
        var api = ApiClient.Create(app);

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            api.PostCaseAsync(new { from = $"user{i}@example.org", subject = $"Case {i}", body = "b", severity = 3 })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var cases = await Task.WhenAll(responses.Select(r => r.JsonAsync()));
        Assert.Equal(24, cases.Select(c => c.GetProperty("number").GetString()).Distinct().Count());
        Assert.Equal(24, cases.Select(c => c.GetProperty("arrivalSequence").GetInt64()).Distinct().Count());
    }
}

/// <summary>The reply tests' own host, on the same fake Wednesday afternoon; each test starts from a reset database and clock.</summary>
public sealed class ReplyApiApp() : SharedApp(CaseApiTests.Wednesday14Central);

public sealed class ReplyApiTests(ReplyApiApp shared) : IClassFixture<ReplyApiApp>, IAsyncLifetime
{
    private readonly AppFactory app = shared.App;

    public ValueTask InitializeAsync() => new(shared.ResetAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task First_reply_through_the_api_is_the_first_response_and_later_ones_are_not()
    {
        var clock = shared.Clock; // 2026-11-25 20:00Z
        var api = ApiClient.Create(app);
        var number = (await (await api.PostCaseAsync(new { from = "ann@acme.example", subject = "Help", body = "b", severity = 2 })).JsonAsync()).GetProperty("number").GetString();
        clock.Advance(TimeSpan.FromHours(1));

        var first = await api.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "On it.", author = "tier1@supportconsole.local" });
        clock.Advance(TimeSpan.FromHours(1));
        var second = await api.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "Fixed.", author = "tier1b@supportconsole.local" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var sla = (await second.JsonAsync()).GetProperty("sla");
        Assert.Equal("met", sla.GetProperty("state").GetString());
        Assert.Equal("2026-11-25T21:00:00Z", sla.GetProperty("firstRespondedAt").GetString());
    }

    [Fact]
    public async Task Racing_replies_record_exactly_one_first_response()
    {
        var api = ApiClient.Create(app);
        var number = (await (await api.PostCaseAsync(new { from = "ann@acme.example", subject = "Race", body = "b", severity = 2 })).JsonAsync()).GetProperty("number").GetString();

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            api.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = $"Reply {i}", author = i % 2 == 0 ? "tier1@supportconsole.local" : "tier1b@supportconsole.local" })));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var entries = await db.CaseEntries.Where(e => e.Body.StartsWith("First response by")).CountAsync();
        Assert.Equal(1, entries);
        Assert.Equal(6, await db.Outbox.CountAsync(m => m.Kind == OutboxKind.Reply));
    }

    [Fact]
    public async Task Reply_needs_a_known_agent_and_a_body()
    {
        var api = ApiClient.Create(app);
        var number = (await (await api.PostCaseAsync(new { from = "ann@acme.example", subject = "x", body = "b", severity = 2 })).JsonAsync()).GetProperty("number").GetString();

        var bad = await api.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "", author = "nobody@example.org" });
        var unknown = await api.PostAsJsonAsync("/api/cases/SC-999999/replies", new { body = "x", author = "tier1@supportconsole.local" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("body", out _));
        Assert.True(errors.TryGetProperty("author", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
