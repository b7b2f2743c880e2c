using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Calendar;

/// <summary>The calendar API through the real host: one app per class for reads, a reset database for each test that edits holidays.</summary>
public sealed class CalendarApiTests(SeededCalendarFixture shared) : IClassFixture<SeededCalendarFixture>, IAsyncLifetime
{
    // Federal seeding covers the clock's Central year (the fixture's clock says 2026-06-01) and the next two: 2026–2028.
    private readonly AppFactory app = shared.App;
    private HttpClient client = default!;

    public async ValueTask InitializeAsync()
    {
        client = ApiClient(app);
        // The 2029 worked examples use 2029-07-04, beyond the seeded years.
        var put = await client.PutAsJsonAsync("/api/holidays/2029-07-04", new { name = "Independence Day" });
        Assert.True(put.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT 2029-07-04 answered {(int)put.StatusCode}");
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    internal static HttpClient ApiClient(AppFactory factory, string key = AppFactory.ApiKey)
    {
        var c = factory.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return c;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task Calendar_api_answers_401_problem_details_without_a_valid_key(string? key)
    {
        var anonymous = app.CreateClient();
        if (key is not null)
        {
            anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        foreach (var path in new[] { "/api/calendar/availability?at=2026-11-25T20:00:00Z", "/api/sla/preview?receivedAt=2026-11-25T20:00:00Z&plan=pro-plus", "/api/holidays?year=2026" })
        {
            var response = await anonymous.GetAsync(path);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Availability_on_Thanksgiving_names_the_holiday_and_both_tiers_are_closed_until_Friday()
    {
        using var json = await GetJsonAsync("/api/calendar/availability?at=2026-11-26T15:00:00Z");
        var root = json.RootElement;

        Assert.Equal("2026-11-26T15:00:00Z", root.GetProperty("at").GetString());
        Assert.Equal("2026-11-26", root.GetProperty("holiday").GetProperty("date").GetString());
        Assert.Equal("Thanksgiving Day", root.GetProperty("holiday").GetProperty("name").GetString());
        Assert.False(root.GetProperty("tier1").GetProperty("open").GetBoolean());
        Assert.Equal("2026-11-27T13:00:00Z", root.GetProperty("tier1").GetProperty("opensAt").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tier1").GetProperty("closesAt").ValueKind);
        Assert.Equal("2026-11-27T15:00:00Z", root.GetProperty("tier23").GetProperty("opensAt").GetString());
    }

    [Fact]
    public async Task Availability_on_a_Wednesday_afternoon_gives_each_tiers_close()
    {
        using var json = await GetJsonAsync("/api/calendar/availability?at=2026-11-25T20:00:00Z");
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("holiday").ValueKind);
        Assert.True(root.GetProperty("tier1").GetProperty("open").GetBoolean());
        Assert.Equal("2026-11-26T01:00:00Z", root.GetProperty("tier1").GetProperty("closesAt").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tier1").GetProperty("opensAt").ValueKind);
        Assert.True(root.GetProperty("tier23").GetProperty("open").GetBoolean());
        Assert.Equal("2026-11-25T23:00:00Z", root.GetProperty("tier23").GetProperty("closesAt").GetString());
    }

    [Fact]
    public async Task Availability_on_a_Saturday_gives_Mondays_openings()
    {
        using var json = await GetJsonAsync("/api/calendar/availability?at=2026-11-28T18:00:00Z");
        var root = json.RootElement;

        Assert.False(root.GetProperty("tier1").GetProperty("open").GetBoolean());
        Assert.Equal("2026-11-30T13:00:00Z", root.GetProperty("tier1").GetProperty("opensAt").GetString());
        Assert.False(root.GetProperty("tier23").GetProperty("open").GetBoolean());
        Assert.Equal("2026-11-30T15:00:00Z", root.GetProperty("tier23").GetProperty("opensAt").GetString());
    }

    // Every row of SLA-SEMANTICS.md's worked examples: arrival (UTC), clock start (UTC), due (UTC).
    [Theory]
    [InlineData("2029-03-05T13:00:00Z", "2029-03-05T13:00:00Z", "2029-03-07T01:00:00Z")]
    [InlineData("2029-03-07T21:30:00Z", "2029-03-07T21:30:00Z", "2029-03-09T21:30:00Z")]
    [InlineData("2029-03-10T00:30:00Z", "2029-03-10T00:30:00Z", "2029-03-13T23:30:00Z")]
    [InlineData("2029-03-10T16:00:00Z", "2029-03-12T12:00:00Z", "2029-03-14T00:00:00Z")]
    [InlineData("2029-11-02T21:00:00Z", "2029-11-02T21:00:00Z", "2029-11-06T22:00:00Z")]
    [InlineData("2029-07-04T00:00:00Z", "2029-07-05T12:00:00Z", "2029-07-07T00:00:00Z")]
    [InlineData("2029-07-03T23:59:59Z", "2029-07-03T23:59:59Z", "2029-07-06T23:59:59Z")]
    [InlineData("2026-11-25T20:00:00Z", "2026-11-25T20:00:00Z", "2026-11-30T20:00:00Z")]
    [InlineData("2026-12-25T02:00:00Z", "2026-12-28T13:00:00Z", "2026-12-30T01:00:00Z")]
    public async Task Sla_preview_matches_each_worked_example(string receivedAt, string clockStartsAt, string dueAt)
    {
        using var json = await GetJsonAsync($"/api/sla/preview?receivedAt={receivedAt}&plan=pro-plus");
        var root = json.RootElement;

        Assert.Equal(receivedAt, root.GetProperty("receivedAt").GetString());
        Assert.Equal("pro-plus", root.GetProperty("plan").GetString());
        Assert.Equal(clockStartsAt, root.GetProperty("clockStartsAt").GetString());
        Assert.Equal(dueAt, root.GetProperty("firstResponseDueAt").GetString());
        var windows = root.GetProperty("windows").EnumerateArray().ToList();
        var counted = windows.Sum(w => (DateTimeOffset.Parse(w.GetProperty("end").GetString()!) - DateTimeOffset.Parse(w.GetProperty("start").GetString()!)).TotalHours);
        Assert.Equal(24, counted);
    }

    [Fact]
    public async Task Sla_preview_converts_an_offset_input_and_gives_at_risk_four_business_hours_before_due()
    {
        using var json = await GetJsonAsync("/api/sla/preview?receivedAt=2026-11-25T14:00:00-06:00&plan=pro-plus");
        var root = json.RootElement;

        Assert.Equal("2026-11-25T20:00:00Z", root.GetProperty("receivedAt").GetString());
        Assert.Equal("2026-11-30T20:00:00Z", root.GetProperty("firstResponseDueAt").GetString());
        Assert.Equal("2026-11-30T16:00:00Z", root.GetProperty("atRiskAt").GetString());
    }

    [Fact]
    public async Task Sla_preview_for_free_support_has_no_due_and_no_windows()
    {
        using var json = await GetJsonAsync("/api/sla/preview?receivedAt=2026-11-28T18:00:00Z&plan=free");
        var root = json.RootElement;

        Assert.Equal("free", root.GetProperty("plan").GetString());
        Assert.Equal("2026-11-30T13:00:00Z", root.GetProperty("clockStartsAt").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("firstResponseDueAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("atRiskAt").ValueKind);
        Assert.Empty(root.GetProperty("windows").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/sla/preview?receivedAt=yesterday&plan=pro-plus", "receivedAt")]
    [InlineData("/api/sla/preview?receivedAt=2026-11-25T14:00:00&plan=pro-plus", "receivedAt")]
    [InlineData("/api/sla/preview?receivedAt=2026-11-25T20:00:00Z&plan=gold", "plan")]
    [InlineData("/api/sla/preview?receivedAt=1999-12-31T12:00:00Z&plan=pro-plus", "receivedAt")]
    [InlineData("/api/sla/preview?receivedAt=2101-01-01T12:00:00Z&plan=pro-plus", "receivedAt")]
    [InlineData("/api/calendar/availability?at=2026-13-01T00:00:00Z", "at")]
    [InlineData("/api/calendar/availability?at=1999-12-31T12:00:00Z", "at")]
    [InlineData("/api/calendar/availability?at=2101-01-01T12:00:00Z", "at")]
    [InlineData("/api/holidays?year=20x6", "year")]
    [InlineData("/api/holidays?year=1999", "year")]
    [InlineData("/api/holidays?year=2101", "year")]
    public async Task Bad_input_answers_400_with_a_message_for_the_field(string path, string field)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var messages = json.RootElement.GetProperty("errors").GetProperty(field);
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Missing_instant_and_unknown_plan_are_reported_together()
    {
        var response = await client.GetAsync("/api/sla/preview?plan=platinum");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("receivedAt", out _));
        Assert.Contains("platinum", errors.GetProperty("plan")[0].GetString());
    }

    [Fact]
    public async Task Holidays_of_a_year_are_listed_in_date_order_with_the_seeded_federal_ones()
    {
        using var json = await GetJsonAsync("/api/holidays?year=2026");
        var dates = json.RootElement.EnumerateArray().Select(h => h.GetProperty("date").GetString()!).ToList();

        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Contains("2026-11-26", dates);
        Assert.Contains("2026-12-25", dates);
        Assert.Contains("2026-07-03", dates); // July 4 2026 is a Saturday: observed on Friday.
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }
}

/// <summary>The holiday edit tests' host, on a clock that says 2026-06-01.</summary>
public sealed class HolidayEditApp() : SharedApp(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

/// <summary>Holiday edits, on their own app, each from a reset database so they never disturb other tests.</summary>
public sealed class HolidayEditApiTests(HolidayEditApp shared) : IClassFixture<HolidayEditApp>, IAsyncLifetime
{
    private readonly AppFactory app = shared.App;

    public ValueTask InitializeAsync() => new(shared.ResetAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Put_creates_then_renames_and_delete_removes_then_says_404()
    {
        var client = CalendarApiTests.ApiClient(app);

        var created = await client.PutAsJsonAsync("/api/holidays/2026-11-27", new { name = "Day after Thanksgiving" });
        var renamed = await client.PutAsJsonAsync("/api/holidays/2026-11-27", new { name = "Black Friday" });
        var list = await client.GetFromJsonAsync<JsonElement>("/api/holidays?year=2026");
        var deleted = await client.DeleteAsync("/api/holidays/2026-11-27");
        var again = await client.DeleteAsync("/api/holidays/2026-11-27");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var entries = list.EnumerateArray().Select(h => (Date: h.GetProperty("date").GetString()!, Name: h.GetProperty("name").GetString()!)).ToList();
        Assert.Equal(entries.OrderBy(e => e.Date, StringComparer.Ordinal), entries);
        Assert.Contains(("2026-11-27", "Black Friday"), entries);
        var thanksgiving = entries.FindIndex(e => e.Date == "2026-11-26");
        Assert.Equal("2026-11-27", entries[thanksgiving + 1].Date);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Put_with_a_bad_date_or_name_answers_400_per_field()
    {
        var client = CalendarApiTests.ApiClient(app);

        var badDate = await client.PutAsJsonAsync("/api/holidays/1999-12-31", new { name = "Millennium eve" });
        var blank = await client.PutAsJsonAsync("/api/holidays/2026-11-27", new { name = "  " });
        var tooLong = await client.PutAsJsonAsync("/api/holidays/2026-11-27", new { name = new string('x', 101) });

        foreach (var (response, field) in new[] { (badDate, "date"), (blank, "name"), (tooLong, "name") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no message for {field}");
        }
    }

    [Fact]
    public async Task A_new_holiday_moves_the_due_of_a_preview_that_spans_it()
    {
        var client = CalendarApiTests.ApiClient(app);
        const string preview = "/api/sla/preview?receivedAt=2026-11-25T20:00:00Z&plan=pro-plus";

        var before = await client.GetFromJsonAsync<JsonElement>(preview);
        var put = await client.PutAsJsonAsync("/api/holidays/2026-11-30", new { name = "Desk offsite" });
        var after = await client.GetFromJsonAsync<JsonElement>(preview);
        await client.DeleteAsync("/api/holidays/2026-11-30");
        var restored = await client.GetFromJsonAsync<JsonElement>(preview);

        Assert.Equal("2026-11-30T20:00:00Z", before.GetProperty("firstResponseDueAt").GetString());
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("2026-12-01T20:00:00Z", after.GetProperty("firstResponseDueAt").GetString());
        Assert.Equal("2026-11-30T20:00:00Z", restored.GetProperty("firstResponseDueAt").GetString());
    }
}
