using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportConsole.Data;
using SupportConsole.Features.Cases;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases;

/// <summary>One host on a fake clock for the case search tests; each test starts from a reset database and clock.</summary>
public sealed class CaseSearchApp() : SharedApp(CaseSearchApiTests.Wednesday14Central);

/// <summary>
/// <c>GET /api/cases</c> against the real SQLite file: words of the subject, thread and sender found through the FTS5
/// index the migration's triggers keep, each filter, paging totals, and odd input searched as plain words.
/// </summary>
public sealed class CaseSearchApiTests(CaseSearchApp shared) : IClassFixture<CaseSearchApp>, IAsyncLifetime
{
    // Wed 2026-11-25 14:00 CST: Tier 1 open.
    internal static readonly DateTimeOffset Wednesday14Central = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);
    private readonly HttpClient api = ApiClient.Create(shared.App);

    public async ValueTask InitializeAsync() => await shared.ResetAsync();

    public ValueTask DisposeAsync()
    {
        api.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<JsonElement> NewCaseAsync(string subject, string body = "text", string from = "someone@example.org", string name = "Someone", object? extra = null)
    {
        var content = extra is null
            ? new Dictionary<string, object?> { ["from"] = from, ["name"] = name, ["subject"] = subject, ["body"] = body, ["severity"] = 3 }
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(extra))!;
        content.TryAdd("from", from);
        content.TryAdd("name", name);
        content.TryAdd("subject", subject);
        content.TryAdd("body", body);
        content.TryAdd("severity", 3);
        var response = await api.PostCaseAsync(content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await api.GetAsync($"/api/cases?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static string[] Numbers(JsonElement result) => [.. result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!)];

    [Fact]
    public async Task A_word_of_a_reply_added_after_the_case_was_created_finds_the_case()
    {
        var created = await NewCaseAsync("Printer trouble");
        var number = created.GetProperty("number").GetString();
        Assert.Empty(Numbers(await SearchAsync("q=quokkafirmware")));

        var reply = await api.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "Please update the quokkafirmware and retry.", author = "tier1@supportconsole.local" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var found = await SearchAsync("q=quokkafirmware");
        Assert.Equal(1, found.GetProperty("total").GetInt64());
        Assert.Equal([number!], Numbers(found));
    }

    [Fact]
    public async Task Words_of_the_subject_and_first_message_find_the_case_in_the_shape_of_the_single_case_endpoint()
    {
        var created = await NewCaseAsync("Wombat gateway down", body: "The marsupialrouter blinks red");
        var number = created.GetProperty("number").GetString()!;

        var bySubject = await SearchAsync("q=WOMBAT");
        var byBody = await SearchAsync("q=marsupialrouter");

        Assert.Equal([number], Numbers(bySubject));
        Assert.Equal([number], Numbers(byBody));
        var single = await (await api.GetAsync($"/api/cases/{number}")).JsonAsync();
        Assert.Equal(single.ToString(), bySubject.GetProperty("items")[0].ToString());
    }

    [Theory]
    [InlineData("q=okapi.sender%40example.org")]
    [InlineData("q=okapi.sender")]
    [InlineData("q=Ottoline")]
    [InlineData("q=Ottoline+Okapiworth")]
    public async Task Sender_address_and_name_find_the_case(string query)
    {
        var created = await NewCaseAsync("Question", from: "okapi.sender@example.org", name: "Ottoline Okapiworth");

        Assert.Equal([created.GetProperty("number").GetString()!], Numbers(await SearchAsync(query)));
    }

    [Fact]
    public async Task Every_word_must_match_and_results_are_newest_first_unless_asked_otherwise()
    {
        var older = await NewCaseAsync("Capybara sync", extra: new { receivedAt = "2026-11-20T15:00:00Z" });
        var newer = await NewCaseAsync("Capybara sync again");
        var other = await NewCaseAsync("Capybara only");

        Assert.Equal([newer.GetProperty("number").GetString()!, older.GetProperty("number").GetString()!], Numbers(await SearchAsync("q=capybara+sync")));
        Assert.Equal([older.GetProperty("number").GetString()!, newer.GetProperty("number").GetString()!], Numbers(await SearchAsync("q=capybara+sync&sort=oldest")));
        Assert.Equal(3, (await SearchAsync("q=capybara&sort=relevance")).GetProperty("total").GetInt64());
        Assert.Contains(other.GetProperty("number").GetString()!, Numbers(await SearchAsync("q=capybara")));
    }

    [Fact]
    public async Task Each_filter_narrows_the_results()
    {
        var priority = await NewCaseAsync("Narwhal priority", from: "bob@acme.example", name: "Bob");
        var standard = await NewCaseAsync("Narwhal standard");
        var closed = await NewCaseAsync("Narwhal closed", extra: new { receivedAt = "2026-11-10T15:00:00Z", status = "closed", closedAt = "2026-11-11T15:00:00Z" });
        var escalated = await NewCaseAsync("Narwhal escalated");
        var escalation = await api.PostAsJsonAsync($"/api/cases/{escalated.GetProperty("number").GetString()}/escalations", new { tier = 2, reason = "needs an engineer", author = "tier1@supportconsole.local" });
        Assert.Equal(HttpStatusCode.OK, escalation.StatusCode);
        var engineer = (await escalation.JsonAsync()).GetProperty("assignee").GetString();
        string N(JsonElement c) => c.GetProperty("number").GetString()!;

        Assert.Equal(4, (await SearchAsync("q=narwhal")).GetProperty("total").GetInt64());
        Assert.Equal([N(closed)], Numbers(await SearchAsync("q=narwhal&status=closed")));
        Assert.Equal([N(priority)], Numbers(await SearchAsync("q=narwhal&queue=priority")));
        Assert.DoesNotContain(N(priority), Numbers(await SearchAsync("q=narwhal&queue=standard")));
        Assert.Equal([N(escalated)], Numbers(await SearchAsync("q=narwhal&tier=2")));
        Assert.Equal([N(priority)], Numbers(await SearchAsync($"q=narwhal&customerId={priority.GetProperty("customerId").GetInt64()}")));
        Assert.Equal([N(closed)], Numbers(await SearchAsync("q=narwhal&from=2026-11-09&to=2026-11-10")));
        Assert.Equal(3, (await SearchAsync("q=narwhal&from=2026-11-25&to=2026-11-25")).GetProperty("total").GetInt64());
        Assert.NotNull(engineer);
        Assert.Equal([N(escalated)], Numbers(await SearchAsync($"q=narwhal&assignee={Uri.EscapeDataString(engineer)}")));
        Assert.Contains(N(standard), Numbers(await SearchAsync("q=narwhal&status=open&tier=1")));
    }

    [Fact]
    public async Task Paging_returns_the_total_and_the_requested_slice()
    {
        for (var i = 0; i < 5; i++)
        {
            await NewCaseAsync($"Pangolin {i}");
        }

        var first = await SearchAsync("q=pangolin&pageSize=2");
        var third = await SearchAsync("q=pangolin&pageSize=2&page=3");
        var beyond = await SearchAsync("q=pangolin&pageSize=2&page=4");

        Assert.Equal(5, first.GetProperty("total").GetInt64());
        Assert.Equal(2, Numbers(first).Length);
        Assert.Single(Numbers(third));
        Assert.Equal(5, beyond.GetProperty("total").GetInt64());
        Assert.Empty(Numbers(beyond));
        Assert.Equal("Pangolin 4", first.GetProperty("items")[0].GetProperty("subject").GetString());
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced")]
    [InlineData("AND")]
    [InlineData("OR NOT")]
    [InlineData("*")]
    [InlineData("wal*")]
    [InlineData("-")]
    [InlineData("-walrus")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(a b)")]
    [InlineData("'; DROP TABLE Cases; --")]
    [InlineData("Subject:walrus")]
    [InlineData("^walrus")]
    [InlineData("walrus\"\"")]
    [InlineData("(((")]
    [InlineData("{Subject Thread}: x")]
    [InlineData("%_\\")]
    [InlineData("é ß 漢字")]
    public async Task Odd_characters_and_query_syntax_are_searched_as_plain_words(string text)
    {
        await NewCaseAsync("Walrus AND friends");

        var response = await api.GetAsync($"/api/cases?q={Uri.EscapeDataString(text)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("total").GetInt64() >= 0);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/cases?q=walrus")).StatusCode); // the table is still there
    }

    [Fact]
    public async Task Query_syntax_words_match_literally_not_as_operators()
    {
        var created = await NewCaseAsync("Walrus AND friends");

        Assert.Equal([created.GetProperty("number").GetString()!], Numbers(await SearchAsync("q=" + Uri.EscapeDataString("\"walrus AND"))));
        Assert.Empty(Numbers(await SearchAsync("q=" + Uri.EscapeDataString("walrus NOT friends-absent"))));
        Assert.Empty(Numbers(await SearchAsync("q=" + Uri.EscapeDataString("wal*"))));
    }

    [Theory]
    [InlineData("status=pending", "status")]
    [InlineData("queue=urgent", "queue")]
    [InlineData("tier=4", "tier")]
    [InlineData("customerId=abc", "customerId")]
    [InlineData("assignee=nobody%40nowhere.example", "assignee")]
    [InlineData("assignee=me", "assignee")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("from=25-11-2026", "from")]
    [InlineData("from=2026-11-25&to=2026-11-01", "to")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("sort=random", "sort")]
    public async Task Bad_parameters_are_a_400_naming_the_field(string query, string field)
    {
        var response = await api.GetAsync($"/api/cases?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Search_needs_an_api_key()
    {
        using var anonymous = ApiClient.Create(shared.App, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/cases?q=x")).StatusCode);
    }

    [Theory]
    [InlineData("SC-100042", 100042L)]
    [InlineData(" sc-100042 ", 100042L)]
    [InlineData("100042", 100042L)]
    public void A_case_number_typed_into_search_is_a_jump(string text, long expected)
    {
        Assert.True(CaseSearch.TryCaseNumber(text, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("printer")]
    [InlineData("SC-")]
    [InlineData("42")]
    [InlineData(null)]
    public void Other_text_is_not_a_jump(string? text) => Assert.False(CaseSearch.TryCaseNumber(text, out _));

    [Theory]
    [InlineData("walrus", "\"walrus\"")]
    [InlineData("a\"b NEAR(", "\"a\"\"b\" \"NEAR(\"")]
    [InlineData("* - \"", null)]
    [InlineData("  ", null)]
    public void Search_text_becomes_quoted_fts_words(string text, string? expected) => Assert.Equal(expected, CaseSearchText.ToMatchQuery(text));
}
