using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Customers;

/// <summary>One app (Development, demo customers seeded) shared by the API tests; each test uses its own domains.</summary>
public sealed class CustomerApiApp : IAsyncDisposable
{
    public AppFactory App { get; } = new();

    public HttpClient Client(bool withKey = true)
    {
        var client = App.CreateClient();
        if (withKey)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AppFactory.ApiKey);
        }
        return client;
    }

    public async Task<List<AuditEntry>> AuditAsync(long customerId)
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.AuditTrail.AsNoTracking().Where(e => e.CustomerId == customerId).OrderBy(e => e.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class CustomerApiTests(CustomerApiApp fixture) : IClassFixture<CustomerApiApp>
{
    private static object Body(
        string name, string domain, string plan = "pro-plus", string termStart = "2020-01-01", string termEnd = "2099-12-31",
        string email = "pat@{0}", string[]? addresses = null, string[]? domains = null) => new
    {
        name,
        plan,
        termStart,
        termEnd,
        primaryContact = new { name = "Pat Primary", email = string.Format(email, domain), phone = "+1 312 555 0110" },
        originAddresses = addresses ?? [],
        originDomains = domains ?? [domain],
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<JsonElement> CreateAsync(object body)
    {
        var response = await fixture.Client().PostAsJsonAsync("/api/customers", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task Creating_a_customer_answers_201_with_its_id_and_location_and_its_domain_routes_to_the_priority_queue_at_once()
    {
        var client = fixture.Client();
        // Route once first so the routing directory is cached before the customer exists.
        var before = await client.PostAsJsonAsync("/api/cases", new { from = "dev@initech.example", subject = "Before", body = "Hello", severity = 3 });
        Assert.Equal("standard", (await JsonAsync(before)).GetProperty("queue").GetString());

        var response = await client.PostAsJsonAsync("/api/customers",
            Body("Initech", "initech.example", addresses: ["Bill <BILL@Lumbergh.example>"], domains: ["initech.example", "*.initech-labs.example"]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var customer = await JsonAsync(response);
        var id = customer.GetProperty("id").GetInt64();
        Assert.True(id > 0);
        Assert.Equal($"/api/customers/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Initech", customer.GetProperty("name").GetString());
        Assert.Equal("pro-plus", customer.GetProperty("plan").GetString());
        Assert.Equal("2020-01-01", customer.GetProperty("termStart").GetString());
        Assert.True(customer.GetProperty("termActive").GetBoolean());
        Assert.Equal("pat@initech.example", customer.GetProperty("primaryContact").GetProperty("email").GetString());
        Assert.Equal(["bill@lumbergh.example"], customer.GetProperty("originAddresses").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["*.initech-labs.example", "initech.example"], customer.GetProperty("originDomains").EnumerateArray().Select(e => e.GetString()).Order());

        var after = await client.PostAsJsonAsync("/api/cases", new { from = "dev@initech.example", subject = "After", body = "Hello", severity = 3 });
        var routed = await JsonAsync(after);
        Assert.Equal("priority", routed.GetProperty("queue").GetString());
        Assert.Equal(id, routed.GetProperty("customerId").GetInt64());
    }

    [Fact]
    public async Task Getting_a_customer_returns_what_was_saved_and_an_unknown_id_is_a_404_problem()
    {
        var created = await CreateAsync(Body("Vandelay Industries", "vandelay.example"));
        var id = created.GetProperty("id").GetInt64();

        var got = await fixture.Client().GetAsync($"/api/customers/{id}");
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal("Vandelay Industries", (await JsonAsync(got)).GetProperty("name").GetString());

        foreach (var unknown in new[] { "999999", "not-a-number" })
        {
            var missing = await fixture.Client().GetAsync($"/api/customers/{unknown}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        }
        var putMissing = await fixture.Client().PutAsJsonAsync("/api/customers/999999", Body("Nobody", "nobody.example"));
        Assert.Equal(HttpStatusCode.NotFound, putMissing.StatusCode);
    }

    [Fact]
    public async Task The_list_includes_the_demo_customers_and_searches_by_name_or_entry()
    {
        var all = await JsonAsync(await fixture.Client().GetAsync("/api/customers"));
        var names = all.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("Acme Corp", names);
        Assert.Contains("Globex", names);
        Assert.Contains("Hooli", names);
        Assert.False(all.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Globex").GetProperty("termActive").GetBoolean());

        var found = await JsonAsync(await fixture.Client().GetAsync("/api/customers?search=acme-partners"));
        Assert.Equal(["Acme Corp"], found.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Updating_replaces_the_fields_and_audits_a_plan_change_and_a_list_change_with_before_and_after()
    {
        var created = await CreateAsync(Body("Soylent", "soylent.example"));
        var id = created.GetProperty("id").GetInt64();

        var plan = await fixture.Client().PutAsJsonAsync($"/api/customers/{id}", Body("Soylent", "soylent.example", plan: "free"));
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal("free", (await JsonAsync(plan)).GetProperty("plan").GetString());

        var list = await fixture.Client().PutAsJsonAsync($"/api/customers/{id}",
            Body("Soylent", "soylent.example", plan: "free", addresses: ["green@soylent-foods.example"], domains: ["soylent.example", "soylent.test"]));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var updated = await JsonAsync(list);
        Assert.Equal(["green@soylent-foods.example"], updated.GetProperty("originAddresses").EnumerateArray().Select(e => e.GetString()));

        var unchanged = await fixture.Client().PutAsJsonAsync($"/api/customers/{id}",
            Body("Soylent", "soylent.example", plan: "free", addresses: ["green@soylent-foods.example"], domains: ["soylent.test", "SOYLENT.example"]));
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);

        var audit = await fixture.AuditAsync(id);
        Assert.Equal(["created", "plan changed", "origination list changed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("api", a.Actor));
        Assert.Equal("""{"plan":"pro-plus"}""", audit[1].Before);
        Assert.Equal("""{"plan":"free"}""", audit[1].After);
        Assert.Contains("soylent.example", audit[2].Before);
        Assert.DoesNotContain("soylent.test", audit[2].Before);
        var added = JsonDocument.Parse(audit[2].After).RootElement.GetProperty("added").EnumerateArray().Select(e => e.GetString()).Order();
        Assert.Equal(["green@soylent-foods.example", "soylent.test"], added);
    }

    [Fact]
    public async Task Invalid_input_is_a_400_with_a_message_per_field()
    {
        var response = await fixture.Client().PostAsJsonAsync("/api/customers", new
        {
            name = "",
            plan = "gold",
            termStart = "2026-12-01",
            termEnd = "2026-11-30",
            primaryContact = new { name = "Pat", email = "pat-at-example", phone = "" },
            originAddresses = new[] { "ok@good.example", "broken@" },
            originDomains = new[] { "bad domain.example", "*.fine.example" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Contains("gold", errors.GetProperty("plan")[0].GetString());
        Assert.Contains("before it starts", errors.GetProperty("termEnd")[0].GetString());
        Assert.Contains("not a valid email address", errors.GetProperty("primaryContact.email")[0].GetString());
        Assert.Single(errors.GetProperty("originAddresses").EnumerateArray());
        Assert.Contains("originAddresses[1]", errors.GetProperty("originAddresses")[0].GetString());
        Assert.Contains("bad domain.example", errors.GetProperty("originDomains")[0].GetString());
    }

    [Fact]
    public async Task A_pro_plus_customer_needs_a_contact_email_and_dates_stay_within_2000_to_2100()
    {
        var response = await fixture.Client().PostAsJsonAsync("/api/customers",
            Body("No Contact", "nocontact.example", email: "", termStart: "1999-12-31", termEnd: "2101-01-01"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains("primary contact email", errors.GetProperty("primaryContact.email")[0].GetString());
        Assert.Contains("2000-01-01", errors.GetProperty("termStart")[0].GetString());
        Assert.Contains("2100-12-31", errors.GetProperty("termEnd")[0].GetString());

        var free = await fixture.Client().PostAsJsonAsync("/api/customers", Body("Free Without Contact", "freecontact.example", plan: "free", email: ""));
        Assert.Equal(HttpStatusCode.Created, free.StatusCode);
    }

    [Theory]
    [InlineData(new string[0], new[] { "acme.example" }, "acme.example is already on Acme Corp's list")]
    [InlineData(new[] { "someone@acme.example" }, new string[0], "someone@acme.example is already covered by acme.example on Acme Corp's list")]
    [InlineData(new[] { "ops@acme-partners.example" }, new string[0], "ops@acme-partners.example is already on Acme Corp's list")]
    [InlineData(new string[0], new[] { "*.globex.example", "new-one.example" }, "")]
    public async Task An_entry_on_another_customers_list_is_a_409_conflict(string[] addresses, string[] domains, string message)
    {
        var response = await fixture.Client().PostAsJsonAsync("/api/customers", Body("Copycat", "copycat.example", addresses: addresses, domains: domains));

        if (message.Length == 0)
        {
            // *.globex.example does not overlap the apex globex.example: allowed.
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Contains(message, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(addresses.Length > 0 ? "originAddresses" : "originDomains", out _));
    }

    [Fact]
    public async Task Updating_a_customer_to_take_another_customers_domain_is_a_409_and_changes_nothing()
    {
        var created = await CreateAsync(Body("Dunder Mifflin", "dundermifflin.example"));
        var id = created.GetProperty("id").GetInt64();

        var response = await fixture.Client().PutAsJsonAsync($"/api/customers/{id}", Body("Dunder Mifflin", "dundermifflin.example", domains: ["dundermifflin.example", "hooli.example", "globex.example"]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("globex.example is already on Globex's list", (await JsonAsync(response)).GetProperty("detail").GetString());
        var got = await JsonAsync(await fixture.Client().GetAsync($"/api/customers/{id}"));
        Assert.Equal(["dundermifflin.example"], got.GetProperty("originDomains").EnumerateArray().Select(e => e.GetString()));
        Assert.Single(await fixture.AuditAsync(id));
    }

    [Fact]
    public async Task Without_the_api_key_the_customer_api_answers_401()
    {
        var client = fixture.Client(withKey: false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/customers/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/customers", Body("Sneaky", "sneaky.example"))).StatusCode);
    }
}
