using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Features.Cases;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Api;

/// <summary>One host on a fake clock for the whole bad-input corpus; each test starts from a reset database and clock.</summary>
public sealed class BadInputCorpusApp() : SharedApp(BadInputCorpusTests.Wednesday14Central);

/// <summary>
/// Bad input to the API is a 4xx problem that says what is wrong, never a 500, and stores nothing: a table of bad
/// requests per endpoint, then the Idempotency-Key and free-mail rules that need more than one request.
/// </summary>
public sealed class BadInputCorpusTests(BadInputCorpusApp shared) : IClassFixture<BadInputCorpusApp>, IAsyncLifetime
{
    // Wed 2026-11-25 14:00 CST: Tier 1 open.
    internal static readonly DateTimeOffset Wednesday14Central = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    private const string Agent = "tier1@supportconsole.local";

    private readonly HttpClient api = ApiClient.Create(shared.App);
    private string caseNumber = "";
    private long acmeId;

    public async ValueTask InitializeAsync()
    {
        await shared.ResetAsync();
        var created = await api.PostCaseAsync(new { from = "ann@acme.example", name = "Ann", subject = "Printer on fire", body = "Help", severity = 2 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        caseNumber = (await created.JsonAsync()).GetProperty("number").GetString()!;
        var acme = await (await api.GetAsync("/api/customers?search=Acme%20Corp")).JsonAsync();
        acmeId = acme[0].GetProperty("id").GetInt64();
    }

    public ValueTask DisposeAsync()
    {
        api.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// One bad request: <c>{case}</c> and <c>{acme}</c> in the path become the test's case number and Acme Corp's id.
    /// <paramref name="Says"/> must appear in the problem's field message (when <paramref name="Field"/> is given) or its detail.
    /// </summary>
    private sealed record BadRequest(string Method, string Path, Func<string>? Body, HttpStatusCode Status, string? Field, string Says, string? IdempotencyKey = null);

    // A raw %00 never reaches the app: Kestrel answers 400 for a path with a null character, and the test host
    // refuses to send one. "%2500" reaches the route as the text "%00".
    private static readonly string[] BadNumbers = ["-1", "0", "abc", "SC-", "99999999999999999999", "SC-1", "%2500", "SC-100000%20OR%201=1", new('7', 2000)];

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string Customer(string[] domains, string[]? addresses = null, string name = "Freemail Test", string termEnd = "2027-12-31") => Json(new
    {
        name,
        plan = "pro-plus",
        termStart = "2026-01-01",
        termEnd,
        primaryContact = new { name = "Pat", email = "pat@freemail-test.example", phone = "" },
        originAddresses = addresses ?? [],
        originDomains = domains,
    });

    private static readonly Dictionary<string, BadRequest> Corpus = BuildCorpus();

    private static Dictionary<string, BadRequest> BuildCorpus()
    {
        var rows = new Dictionary<string, BadRequest>
        {
            // GET /api/calendar/availability
            ["availability: after Tier 2-3 closes on the last day"] = new("GET", "/api/calendar/availability?at=2100-12-31T23:00:00Z", null, HttpStatusCode.BadRequest, "at", "2100-12-31"),
            ["availability: after Tier 1 closes on the last day"] = new("GET", "/api/calendar/availability?at=2100-12-31T19:00:00-06:00", null, HttpStatusCode.BadRequest, "at", "2100-12-31"),
            ["availability: the first instant after the range"] = new("GET", "/api/calendar/availability?at=2101-01-01T06:00:00Z", null, HttpStatusCode.BadRequest, "at", "2000-01-01 to 2100-12-31"),
            ["availability: before the range"] = new("GET", "/api/calendar/availability?at=1999-12-31T12:00:00Z", null, HttpStatusCode.BadRequest, "at", "2000-01-01 to 2100-12-31"),
            ["availability: year 9999"] = new("GET", "/api/calendar/availability?at=9999-12-31T23:59:59Z", null, HttpStatusCode.BadRequest, "at", "2000-01-01 to 2100-12-31"),
            ["availability: no offset"] = new("GET", "/api/calendar/availability?at=2026-11-25T20:00:00", null, HttpStatusCode.BadRequest, "at", "with an offset"),
            ["availability: not an instant"] = new("GET", "/api/calendar/availability?at=tomorrow", null, HttpStatusCode.BadRequest, "at", "not an ISO-8601 instant"),

            // GET /api/sla/preview
            ["sla preview: deadline after the range"] = new("GET", "/api/sla/preview?receivedAt=2100-12-31T22:00:00Z&plan=pro-plus", null, HttpStatusCode.BadRequest, "receivedAt", "2100-12-31"),
            ["sla preview: clock start after the range"] = new("GET", "/api/sla/preview?receivedAt=2101-01-01T02:00:00Z&plan=free", null, HttpStatusCode.BadRequest, "receivedAt", "2100-12-31"),
            ["sla preview: unknown plan"] = new("GET", "/api/sla/preview?receivedAt=2026-11-25T20:00:00Z&plan=gold", null, HttpStatusCode.BadRequest, "plan", "pro-plus or free"),

            // /api/holidays
            ["holidays: year after the range"] = new("GET", "/api/holidays?year=2101", null, HttpStatusCode.BadRequest, "year", "between 2000 and 2100"),
            ["holidays: put after the range"] = new("PUT", "/api/holidays/2101-01-01", () => Json(new { name = "Too late" }), HttpStatusCode.BadRequest, "date", "2100-12-31"),
            ["holidays: put on a month 13"] = new("PUT", "/api/holidays/2026-13-01", () => Json(new { name = "Nope" }), HttpStatusCode.BadRequest, "date", "YYYY-MM-DD"),

            // POST /api/cases
            ["cases: no sender"] = new("POST", "/api/cases", () => Json(new { subject = "s", body = "b", severity = 3 }), HttpStatusCode.BadRequest, "from", ""),
            ["cases: severity 9"] = new("POST", "/api/cases", () => Json(new { from = "a@acme.example", subject = "s", body = "b", severity = 9 }), HttpStatusCode.BadRequest, "severity", "1 (critical) to 4"),
            ["cases: subject over 1000 characters"] = new("POST", "/api/cases", () => Json(new { from = "a@acme.example", subject = new string('s', 1001), body = "b", severity = 3 }), HttpStatusCode.BadRequest, "subject", "at most 1000"),
            ["cases: body over 1 MB"] = new("POST", "/api/cases", () => Json(new { from = "a@acme.example", subject = "s", body = new string('b', 1_000_001), severity = 3 }), HttpStatusCode.BadRequest, "body", "1000 KB"),
            ["cases: receivedAt in the future"] = new("POST", "/api/cases", () => Json(new { from = "a@acme.example", subject = "s", body = "b", severity = 3, receivedAt = "2026-11-26T20:00:00Z" }), HttpStatusCode.BadRequest, "receivedAt", "future"),
            ["cases: receivedAt late in 2100"] = new("POST", "/api/cases", () => Json(new { from = "a@acme.example", subject = "s", body = "b", severity = 3, receivedAt = "2100-12-31T22:00:00Z" }), HttpStatusCode.BadRequest, "receivedAt", "future"),
            ["cases: receivedAt before the range"] = new("POST", "/api/cases", () => Json(new { from = "a@acme.example", subject = "s", body = "b", severity = 3, receivedAt = "1999-12-31T12:00:00Z" }), HttpStatusCode.BadRequest, "receivedAt", "2000-01-01"),
            ["cases: receivedAt without an offset"] = new("POST", "/api/cases", () => Json(new { from = "a@acme.example", subject = "s", body = "b", severity = 3, receivedAt = "2026-11-20 10:00" }), HttpStatusCode.BadRequest, "receivedAt", "with an offset"),
            ["cases: Idempotency-Key over 200 characters"] = new("POST", "/api/cases", () => Json(new { from = "a@acme.example", subject = "s", body = "b", severity = 3 }), HttpStatusCode.BadRequest, "idempotencyKey", "200", new string('k', 201)),
            ["cases: JSON null"] = new("POST", "/api/cases", () => "null", HttpStatusCode.BadRequest, "body", "Send the case as JSON"),

            // POST /api/cases/{number}/replies
            ["replies: body over the reply limit"] = new("POST", "/api/cases/{case}/replies", () => Json(new { body = new string('r', 20_001), author = Agent }), HttpStatusCode.BadRequest, "body", "at most 20000 characters"),
            ["replies: request over 256 KB"] = new("POST", "/api/cases/{case}/replies", () => Json(new { body = new string('r', 300_000), author = Agent }), HttpStatusCode.RequestEntityTooLarge, null, "at most 256 KB"),
            ["replies: request of 10 MB"] = new("POST", "/api/cases/{case}/replies", () => Json(new { body = new string('r', 10_000_000), author = Agent }), HttpStatusCode.RequestEntityTooLarge, null, "at most 256 KB"),
            ["replies: blank body"] = new("POST", "/api/cases/{case}/replies", () => Json(new { body = "  ", author = Agent }), HttpStatusCode.BadRequest, "body", "Write the reply"),
            ["replies: unknown author"] = new("POST", "/api/cases/{case}/replies", () => Json(new { body = "Hi", author = "nobody@example.org" }), HttpStatusCode.BadRequest, "author", "not an active agent"),

            // POST /api/cases/{number}/escalations, calls
            ["escalations: tier 5"] = new("POST", "/api/cases/{case}/escalations", () => Json(new { tier = 5, reason = "r", author = Agent }), HttpStatusCode.BadRequest, "tier", "tier 2 or 3"),
            ["escalations: reason over 4000 characters"] = new("POST", "/api/cases/{case}/escalations", () => Json(new { tier = 2, reason = new string('r', 4001), author = Agent }), HttpStatusCode.BadRequest, "reason", "4000"),
            ["calls/slots: 7 minutes"] = new("GET", "/api/cases/{case}/calls/slots?durationMinutes=7&engineer=tier2@supportconsole.local", null, HttpStatusCode.BadRequest, "durationMinutes", "15 to 240"),
            ["calls/slots: 99 days"] = new("GET", "/api/cases/{case}/calls/slots?days=99&engineer=tier2@supportconsole.local", null, HttpStatusCode.BadRequest, "days", "1 to 20"),
            ["calls: start not an instant"] = new("POST", "/api/cases/{case}/calls", () => Json(new { start = "soon", durationMinutes = 30, engineer = "tier2@supportconsole.local" }), HttpStatusCode.BadRequest, "start", "not an ISO-8601 instant"),

            // POST and PUT /api/customers: free-mail domains
            ["customers: gmail.com as a domain"] = new("POST", "/api/customers", () => Customer(["gmail.com"]), HttpStatusCode.BadRequest, "originDomains", "free-mail domain"),
            ["customers: *.outlook.com"] = new("POST", "/api/customers", () => Customer(["*.outlook.com"]), HttpStatusCode.BadRequest, "originDomains", "outlook.com is a free-mail domain"),
            ["customers: @YAHOO.COM"] = new("POST", "/api/customers", () => Customer(["@YAHOO.COM"]), HttpStatusCode.BadRequest, "originDomains", "yahoo.com is a free-mail domain"),
            ["customers: a subdomain of proton.me"] = new("POST", "/api/customers", () => Customer(["eu.proton.me"]), HttpStatusCode.BadRequest, "originDomains", "proton.me is a free-mail domain"),
            ["customers: put hotmail.com on Acme"] = new("PUT", "/api/customers/{acme}", () => Customer(["acme.example", "hotmail.com"], ["ops@acme-partners.example"], "Acme Corp"), HttpStatusCode.BadRequest, "originDomains", "originDomains[1]"),
        };

        var valid = new Dictionary<string, (string Method, string Suffix, Func<string>? Body)>
        {
            ["case"] = ("GET", "", null),
            ["timeline"] = ("GET", "/timeline", null),
            ["replies"] = ("POST", "/replies", () => Json(new { body = "Hi", author = Agent })),
            ["escalations"] = ("POST", "/escalations", () => Json(new { tier = 2, reason = "Needs an engineer.", author = Agent })),
            ["calls/slots"] = ("GET", "/calls/slots?engineer=tier2@supportconsole.local", null),
            ["calls"] = ("POST", "/calls", () => Json(new { start = "2026-11-30T16:00:00Z", durationMinutes = 30, engineer = "tier2@supportconsole.local" })),
        };
        foreach (var (route, (method, suffix, body)) in valid)
        {
            foreach (var number in BadNumbers)
            {
                var shown = number.Length > 24 ? $"{number.Length} characters" : number;
                rows[$"{route}: case number {shown}"] = new(method, $"/api/cases/{number}{suffix}", body, HttpStatusCode.BadRequest, "number", "is not a case number like SC-100042");
            }
        }
        return rows;
    }

    public static TheoryData<string> BadRequests() => [.. Corpus.Keys];

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_request_is_a_4xx_problem_that_says_why_and_stores_nothing(string name)
    {
        var row = Corpus[name];
        var before = await StateAsync();
        var acmeBefore = await (await api.GetAsync($"/api/customers/{acmeId}")).Content.ReadAsStringAsync();

        using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path.Replace("{case}", caseNumber).Replace("{acme}", acmeId.ToString()));
        if (row.Body is not null)
        {
            request.Content = new StringContent(row.Body(), Encoding.UTF8, "application/json");
        }
        if (row.IdempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", row.IdempotencyKey);
        }
        var response = await api.SendAsync(request);

        Assert.Equal(row.Status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        var message = row.Field is { } field
            ? string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()))
            : problem.GetProperty("detail").GetString()!;
        Assert.Contains(row.Says, message);
        Assert.True(message.Length < 600, $"The message echoes too much: {message.Length} characters.");
        Assert.Equal(before, await StateAsync());
        Assert.Equal(acmeBefore, await (await api.GetAsync($"/api/customers/{acmeId}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Case_api_at_the_end_of_the_calendar_answers_400_not_500()
    {
        // Fri 2100-12-31 20:00 CST: Tier 1 has closed for the last time the calendar knows.
        await shared.ResetAsync(new DateTimeOffset(2101, 1, 1, 2, 0, 0, TimeSpan.Zero));
        var customer = await api.PostAsJsonAsync("/api/customers", JsonDocument.Parse(Customer(["far-future.example"], name: "Far Future", termEnd: "2100-12-31")).RootElement);
        Assert.Equal(HttpStatusCode.Created, customer.StatusCode);
        var before = await StateAsync();

        var live = await api.PostCaseAsync(new { from = "a@far-future.example", subject = "Now", body = "b", severity = 3 });
        var imported = await api.PostCaseAsync(new { from = "a@far-future.example", subject = "Imported", body = "b", severity = 3, receivedAt = "2100-12-31T22:00:00Z" });

        foreach (var response in new[] { live, imported })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("2100-12-31", (await response.JsonAsync()).GetProperty("errors").GetProperty("receivedAt")[0].GetString());
        }
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Import_at_the_end_of_the_calendar_without_a_deadline_past_it_is_accepted()
    {
        await shared.ResetAsync(new DateTimeOffset(2101, 1, 1, 2, 0, 0, TimeSpan.Zero));

        var imported = await api.PostCaseAsync(new { from = "someone@example.org", subject = "Early", body = "b", severity = 3, receivedAt = "2100-12-30T16:00:00Z" });

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
    }

    [Fact]
    public async Task Retry_with_the_same_key_and_request_returns_the_first_case()
    {
        var body = new { from = "bob@acme.example", name = "Bob", subject = "Once", body = "The body", severity = 3, receivedAt = "2026-11-20T15:00:00Z" };

        var first = await api.PostCaseAsync(body, "same-key");
        var retry = await api.PostCaseAsync(body, "same-key");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("number").GetString(), (await retry.JsonAsync()).GetProperty("number").GetString());
    }

    public static TheoryData<string, string> ChangedRequests() => new()
    {
        { "from", """{"from":"eve@acme.example","name":"Bob","subject":"Once","body":"The body","severity":3}""" },
        { "name", """{"from":"bob@acme.example","name":"Robert","subject":"Once","body":"The body","severity":3}""" },
        { "subject", """{"from":"bob@acme.example","name":"Bob","subject":"Twice","body":"The body","severity":3}""" },
        { "body", """{"from":"bob@acme.example","name":"Bob","subject":"Once","body":"Another body","severity":3}""" },
        { "severity", """{"from":"bob@acme.example","name":"Bob","subject":"Once","body":"The body","severity":1}""" },
        { "receivedAt", """{"from":"bob@acme.example","name":"Bob","subject":"Once","body":"The body","severity":3,"receivedAt":"2026-11-20T15:00:00Z"}""" },
    };

    [Theory]
    [MemberData(nameof(ChangedRequests))]
    public async Task Same_key_with_a_different_request_is_a_422_and_no_second_case(string changed, string json)
    {
        var first = await api.PostCaseAsync(new { from = "bob@acme.example", name = "Bob", subject = "Once", body = "The body", severity = 3 }, "reused-key");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await StateAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "reused-key");
        var reused = await api.SendAsync(request);

        Assert.True(reused.StatusCode == HttpStatusCode.UnprocessableEntity, $"Changing {changed} gave {reused.StatusCode}.");
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("different request", (await reused.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Free_mail_addresses_stay_fine_on_a_list_while_their_domains_are_refused()
    {
        var refused = await api.PostAsync("/api/customers", new StringContent(Customer(["freemail-test.example", "gmail.com"]), Encoding.UTF8, "application/json"));
        var accepted = await api.PostAsync("/api/customers", new StringContent(Customer(["freemail-test.example"], ["Pat.Founder@gmail.com", "ops@outlook.com"]), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("originDomains[1]: \"gmail.com\" is not accepted", (await refused.JsonAsync()).GetProperty("errors").GetProperty("originDomains")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var customer = await accepted.JsonAsync();
        Assert.Equal(["ops@outlook.com", "pat.founder@gmail.com"], customer.GetProperty("originAddresses").EnumerateArray().Select(e => e.GetString()).Order());
    }

    [Fact]
    public async Task The_desk_refuses_a_reply_or_note_over_the_limit_as_the_case_page_shows_it()
    {
        var services = shared.App.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var agent = await db.Users.AsNoTracking().FirstAsync(u => u.Email == Agent);
        var caseId = (await db.Cases.AsNoTracking().FirstAsync()).Id;
        var desk = services.GetRequiredService<CaseDesk>();
        var before = await StateAsync();

        var reply = await desk.ReplyAsync(caseId, Actors.Of(agent), new string('r', CaseDesk.MaxReplyLength + 1));
        var note = await desk.AddNoteAsync(caseId, Actors.Of(agent), new string('n', CaseDesk.MaxReplyLength + 1));
        var fits = await desk.AddNoteAsync(caseId, Actors.Of(agent), $"  {new string('n', CaseDesk.MaxReplyLength)}  ");

        Assert.False(reply.Succeeded);
        Assert.Contains("at most 20000 characters", reply.Message);
        Assert.False(note.Succeeded);
        Assert.Contains("at most 20000 characters", note.Message);
        Assert.True(fits.Succeeded);
        Assert.Equal(before with { Entries = before.Entries + 1 }, await StateAsync());
    }

    private sealed record State(int Cases, int Entries, int Outbox, int Customers, int ListEntries, int Audit, int Holidays, int Escalations, int Calls);

    private async Task<State> StateAsync()
    {
        await using var db = await shared.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        return new State(
            await db.Cases.CountAsync(), await db.CaseEntries.CountAsync(), await db.Outbox.CountAsync(), await db.Customers.CountAsync(),
            await db.OriginationListEntries.CountAsync(), await db.AuditTrail.CountAsync(), await db.Holidays.CountAsync(),
            await db.Escalations.CountAsync(), await db.Calls.CountAsync());
    }
}
