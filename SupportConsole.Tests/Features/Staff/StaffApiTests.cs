using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Staff;

/// <summary>
/// <c>PUT /api/staff/{email}</c> and <c>GET /api/staff</c> on the real database, and the invitation a new account gets:
/// its set-password link opens the page and its token sets the password once.
/// </summary>
public sealed partial class StaffApiTests(StaffApiFixture fixture) : IClassFixture<StaffApiFixture>, IAsyncLifetime
{
    private static readonly Dictionary<string, string[]> Weekdays = new()
    {
        ["mon"] = ["09:00", "17:00"],
        ["tue"] = ["09:00", "17:00"],
        ["wed"] = ["10:00", "16:00"],
        ["thu"] = ["09:00", "17:00"],
        ["fri"] = ["09:00", "12:00"],
    };

    public ValueTask InitializeAsync() => new(fixture.ResetAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Time_off_added_twice_at_once_for_someone_without_a_profile_creates_one_profile_and_both_entries()
    {
        var services = fixture.App.Services;
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var owner = await users.FindByEmailAsync("admin@supportconsole.local");
        Assert.Empty(await services.GetRequiredService<SupportConsole.Features.Admin.AgentDirectory>().CreateAsync("fresh@vendor.example", "Fresh Engineer", "Fresh-engineer-1!", [Roles.Tier2], owner!.Id));
        var fresh = (await users.FindByEmailAsync("fresh@vendor.example"))!;
        var roster = services.GetRequiredService<SupportConsole.Features.Staff.StaffRoster>();
        var start = SupportConsole.Tests.Features.Escalations.EngineeringDeskHost.Start;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => roster.AddTimeOffAsync(fresh.Id, start.AddDays(i * 2), start.AddDays(i * 2 + 1), $"day {i}"))));

        Assert.All(results, Assert.Null);
        await using var db = await services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.StaffProfiles.CountAsync(p => p.UserId == fresh.Id));
        Assert.Equal(4, await db.StaffTimeOff.CountAsync(t => t.UserId == fresh.Id));
    }

    // ---- PUT /api/staff/{email} ----

    [Fact]
    public async Task Put_creates_a_person_without_a_password_and_mails_an_invitation_with_a_set_password_link()
    {
        using var api = fixture.Api();

        var response = await api.PutAsJsonAsync("/api/staff/gil@vendor.example",
            new { displayName = "Gil Gray", roles = new[] { "Tier2" }, capacity = 3, hours = Weekdays, timeOff = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/staff/gil%40vendor.example", response.Headers.Location?.OriginalString);
        var json = await response.JsonAsync();
        Assert.Equal("gil@vendor.example", json.GetProperty("email").GetString());
        Assert.Equal("Gil Gray", json.GetProperty("displayName").GetString());
        Assert.Equal(new string?[] { "Tier2" }, json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(3, json.GetProperty("capacity").GetInt32());
        Assert.Equal(new string?[] { "10:00", "16:00" }, json.GetProperty("hours").GetProperty("wed").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(0, json.GetProperty("openEscalations").GetInt32());
        Assert.Equal(0, json.GetProperty("load").GetInt32());
        // Wednesday 09:00 Central, and Gil starts at 10:00 on Wednesdays.
        Assert.False(json.GetProperty("availableNow").GetBoolean());
        Assert.Equal("2027-02-17T16:00:00Z", json.GetProperty("nextAvailableAt").GetString());

        var user = await UserAsync("gil@vendor.example");
        Assert.NotNull(user);
        Assert.Null(user.PasswordHash);
        Assert.Equal("Gil Gray", user.DisplayName);
        Assert.Equal(new[] { Roles.Tier2 }, await RolesOfAsync(user));
        await using var db = await fixture.DbAsync();
        var profile = await db.StaffProfiles.AsNoTracking().SingleAsync(p => p.UserId == user.Id);
        Assert.Equal(3, profile.Capacity);
        Assert.Contains("\"wed\":[\"10:00\",\"16:00\"]", profile.HoursJson);
        var invitation = Assert.Single(await db.Outbox.AsNoTracking().Where(m => m.To == "gil@vendor.example").ToListAsync());
        Assert.Equal(OutboxKind.Invitation, invitation.Kind);
        Assert.Contains("/account/set-password?email=gil%40vendor.example&token=", invitation.Body);
        Assert.DoesNotContain("password:", invitation.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Put_of_an_existing_person_updates_them_with_200_and_sends_no_second_invitation()
    {
        using var api = fixture.Api();
        Assert.Equal(HttpStatusCode.Created, (await api.PutAsJsonAsync("/api/staff/gil@vendor.example",
            new { displayName = "Gil Gray", roles = new[] { "Tier2" }, capacity = 3, hours = Weekdays })).StatusCode);

        var response = await api.PutAsJsonAsync("/api/staff/GIL@vendor.example", new
        {
            displayName = "Gil Gray-Green",
            roles = new[] { "Tier2", "Tier3" },
            capacity = 5,
            timeOff = new[] { new { from = "2027-03-01T00:00:00Z", to = "2027-03-06T00:00:00Z", reason = "vacation" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal("Gil Gray-Green", json.GetProperty("displayName").GetString());
        Assert.Equal(5, json.GetProperty("capacity").GetInt32());
        Assert.Equal(new string?[] { "09:00", "17:00" }, json.GetProperty("hours").GetProperty("wed").EnumerateArray().Select(t => t.GetString())); // no hours: the whole window
        var timeOff = Assert.Single(json.GetProperty("timeOff").EnumerateArray());
        Assert.Equal("2027-03-01T00:00:00Z", timeOff.GetProperty("from").GetString());
        Assert.Equal("vacation", timeOff.GetProperty("reason").GetString());
        var user = await UserAsync("gil@vendor.example");
        Assert.Equal("Gil Gray-Green", user!.DisplayName);
        Assert.Equal(new[] { Roles.Tier2, Roles.Tier3 }, (await RolesOfAsync(user)).Order());
        await using var db = await fixture.DbAsync();
        Assert.Equal(5, (await db.StaffProfiles.AsNoTracking().SingleAsync(p => p.UserId == user.Id)).Capacity);
        var stored = Assert.Single(await db.StaffTimeOff.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync());
        Assert.Equal(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc), stored.FromUtc);
        Assert.Single(await db.Outbox.AsNoTracking().Where(m => m.To == "gil@vendor.example" && m.Kind == OutboxKind.Invitation).ToListAsync());
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == "GIL@VENDOR.EXAMPLE"));
    }

    public static TheoryData<string, string, string> InvalidProfiles => new()
    {
        { "hours", "hours", """{"displayName":"X","roles":["Tier2"],"capacity":3,"hours":{"mon":["08:00","17:00"]}}""" },
        { "hours", "hours", """{"displayName":"X","roles":["Tier2"],"capacity":3,"hours":{"fri":["09:00","18:30"]}}""" },
        { "hours", "hours", """{"displayName":"X","roles":["Tier2"],"capacity":3,"hours":{"sat":["09:00","12:00"]}}""" },
        { "roles", "roles", """{"displayName":"X","roles":["Tier2","Wizard"],"capacity":3}""" },
        { "capacity", "capacity", """{"displayName":"X","roles":["Tier2"],"capacity":0}""" },
        { "capacity", "capacity", """{"displayName":"X","roles":["Tier2"],"capacity":101}""" },
        { "timeOff", "timeOff[0]", """{"displayName":"X","roles":["Tier2"],"capacity":3,"timeOff":[{"from":"2027-03-06T00:00:00Z","to":"2027-03-01T00:00:00Z","reason":"x"}]}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidProfiles))]
    public async Task Put_with_an_invalid_profile_is_a_400_naming_the_field_and_creates_nobody(string what, string field, string body)
    {
        using var api = fixture.Api();
        var email = $"{what.ToLowerInvariant()}-{Guid.NewGuid():N}@vendor.example";

        var response = await api.PutAsync($"/api/staff/{email}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Null(await UserAsync(email));
        await using var db = await fixture.DbAsync();
        Assert.False(await db.Outbox.AnyAsync(m => m.To == email));
    }

    [Fact]
    public async Task Put_with_hours_outside_the_window_says_which_day_and_the_window()
    {
        using var api = fixture.Api();

        var response = await api.PutAsJsonAsync("/api/staff/early@vendor.example",
            new { displayName = "Early Bird", roles = new[] { "Tier2" }, capacity = 3, hours = new Dictionary<string, string[]> { ["mon"] = ["08:00", "17:00"] } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("hours")[0].GetString();
        Assert.Contains("Monday 08:00–17:00 is outside the window 09:00–17:00", message);
    }

    [Fact]
    public async Task Put_with_an_address_that_is_not_an_email_is_a_400()
    {
        using var api = fixture.Api();

        var response = await api.PutAsJsonAsync("/api/staff/not-an-email", new { displayName = "Nobody", roles = new[] { "Tier2" }, capacity = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));
        Assert.Null(await UserAsync("not-an-email"));
    }

    // ---- GET /api/staff ----

    [Fact]
    public async Task Get_by_tier_lists_that_tiers_people_with_capacity_open_escalations_load_and_availability()
    {
        using var api = fixture.Api();
        Assert.Equal(HttpStatusCode.Created, (await api.PutAsJsonAsync("/api/staff/gil@vendor.example",
            new { displayName = "Gil Gray", roles = new[] { "Tier2" }, capacity = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PutAsJsonAsync("/api/staff/hana@vendor.example", new
        {
            displayName = "Hana Home",
            roles = new[] { "Tier2" },
            capacity = 4,
            timeOff = new[] { new { from = "2027-02-17T00:00:00Z", to = "2027-02-18T06:00:00Z", reason = "sick" } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PutAsJsonAsync("/api/staff/ivan@vendor.example",
            new { displayName = "Ivan Ivory", roles = new[] { "Tier3" }, capacity = 2 })).StatusCode);
        // Gil has one open High escalation (weight 3), given by a manager.
        var gil = (await UserAsync("gil@vendor.example"))!;
        var supportCase = await fixture.OpenCaseAsync(CaseSeverity.High);
        Assert.True((await fixture.Desk.EscalateAsync(supportCase.Id, SupportTier.Tier2, "Needs an engineer", fixture.Tina)).Succeeded);
        Assert.True((await fixture.Desk.AssignEscalationAsync(supportCase.Id, gil.Id, "He knows the exporter", fixture.Maria)).Succeeded);

        var response = await api.GetAsync("/api/staff?tier=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var people = (await response.JsonAsync()).EnumerateArray().ToDictionary(p => p.GetProperty("email").GetString()!);
        var tier2 = (await fixture.UsersInRolesAsync(Roles.Tier2)).Select(u => u.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(tier2.Order(StringComparer.OrdinalIgnoreCase), people.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain("ivan@vendor.example", people.Keys);
        Assert.DoesNotContain("tier1@supportconsole.local", people.Keys);
        Assert.All(people.Values, p =>
        {
            Assert.Contains("Tier2", p.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            Assert.True(p.GetProperty("capacity").GetInt32() >= 1);
            Assert.True(p.GetProperty("openEscalations").GetInt32() >= 0);
            Assert.True(p.GetProperty("load").GetInt32() >= 0);
            Assert.True(p.GetProperty("availableNow").ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.True(p.TryGetProperty("nextAvailableAt", out _));
        });
        var gilJson = people["gil@vendor.example"];
        Assert.Equal(3, gilJson.GetProperty("capacity").GetInt32());
        Assert.Equal(1, gilJson.GetProperty("openEscalations").GetInt32());
        Assert.Equal(3, gilJson.GetProperty("load").GetInt32());
        Assert.True(gilJson.GetProperty("availableNow").GetBoolean());
        Assert.Equal("2027-02-17T15:00:00Z", gilJson.GetProperty("nextAvailableAt").GetString());
        var hana = people["hana@vendor.example"];
        Assert.Equal(4, hana.GetProperty("capacity").GetInt32());
        Assert.Equal(0, hana.GetProperty("openEscalations").GetInt32());
        Assert.False(hana.GetProperty("availableNow").GetBoolean());
        Assert.Equal("2027-02-18T15:00:00Z", hana.GetProperty("nextAvailableAt").GetString()); // Thursday 09:00 Central
        // Open escalations and load add up to what the database holds.
        await using var db = await fixture.DbAsync();
        var open = await db.Escalations.AsNoTracking().Where(e => e.EndedAtUtc == null && e.AssigneeId != null).ToListAsync();
        Assert.Equal(gil.Id, Assert.Single(open).AssigneeId);
        Assert.Equal(1, people.Values.Sum(p => p.GetProperty("openEscalations").GetInt32()));

        var tier3 = await (await api.GetAsync("/api/staff?tier=3")).JsonAsync();
        Assert.Contains(tier3.EnumerateArray(), p => p.GetProperty("email").GetString() == "ivan@vendor.example");
        Assert.DoesNotContain(tier3.EnumerateArray(), p => p.GetProperty("email").GetString() == "gil@vendor.example");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Get_with_a_tier_other_than_1_2_or_3_is_a_400(int tier)
    {
        using var api = fixture.Api();

        var response = await api.GetAsync($"/api/staff?tier={tier}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("tier", out _));
    }

    [Fact]
    public async Task Staff_api_needs_the_api_key()
    {
        using var anonymous = ApiClient.Create(fixture.App, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/staff?tier=2")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/staff/sneaky@vendor.example", new { displayName = "S", roles = new[] { "Admin" }, capacity = 1 })).StatusCode);
        Assert.Null(await UserAsync("sneaky@vendor.example"));
    }

    // ---- The invitation's link ----

    [Fact]
    public async Task The_invitations_set_password_link_opens_the_page_and_its_token_sets_the_password_once()
    {
        using var api = fixture.Api();
        Assert.Equal(HttpStatusCode.Created, (await api.PutAsJsonAsync("/api/staff/gil@vendor.example",
            new { displayName = "Gil Gray", roles = new[] { "Tier2" }, capacity = 3 })).StatusCode);
        string body;
        await using (var db = await fixture.DbAsync())
        {
            body = (await db.Outbox.AsNoTracking().SingleAsync(m => m.To == "gil@vendor.example" && m.Kind == OutboxKind.Invitation)).Body;
        }
        var match = SetPasswordLink().Match(body);
        Assert.True(match.Success, body);
        var link = new Uri(match.Value);

        using var browser = fixture.App.CreateBrowserLikeClient();
        var page = await browser.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<strong>gil@vendor.example</strong>", html);
        Assert.Contains("id=\"save-password\"", html);
        Assert.DoesNotContain("link-broken", html);

        // The token as the page receives it from the query string.
        var query = QueryHelpers.ParseQuery(link.Query);
        Assert.Equal("gil@vendor.example", query["email"].ToString());
        var token = query["token"].ToString();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var user = (await users.FindByEmailAsync("gil@vendor.example"))!;

        var set = await users.ResetPasswordAsync(user, token, "Gil-Sets-1t-Now!");

        Assert.True(set.Succeeded, string.Join("; ", set.Errors.Select(e => $"{e.Code}: {e.Description}")));
        var stored = (await users.FindByEmailAsync("gil@vendor.example"))!;
        Assert.NotNull(stored.PasswordHash);
        Assert.True(await users.CheckPasswordAsync(stored, "Gil-Sets-1t-Now!"));
        var again = await users.ResetPasswordAsync(stored, token, "Someone-Else-2!");
        Assert.False(again.Succeeded); // the link works once
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync("gil@vendor.example"))!, "Gil-Sets-1t-Now!"));
    }

    // ---- Helpers ----

    private async Task<AgentUser?> UserAsync(string email)
    {
        await using var db = await fixture.DbAsync();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    private async Task<List<string>> RolesOfAsync(AgentUser user)
    {
        await using var db = await fixture.DbAsync();
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      where ur.UserId == user.Id
                      select r.Name!).ToListAsync();
    }

    [GeneratedRegex(@"https?://\S+/account/set-password\?\S+")]
    private static partial Regex SetPasswordLink();
}
