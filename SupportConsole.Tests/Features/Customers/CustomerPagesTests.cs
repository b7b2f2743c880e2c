using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Customers;

public sealed class CustomerPagesTests(CustomerApiApp fixture) : IClassFixture<CustomerApiApp>
{
    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = fixture.App.CreateBrowserLikeClient();
        await SignIn.AsAsync(client, email, password);
        return client;
    }

    [Fact]
    public async Task A_manager_sees_the_three_demo_customers_with_plan_chips_and_the_ended_term()
    {
        var client = await SignedInAsync("manager@supportconsole.local", "Demo-manager-1");

        var response = await client.GetAsync("/admin/customers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"customers-table\"", page);
        Assert.Contains("Acme Corp", page);
        Assert.Contains("Globex", page);
        Assert.Contains("Hooli", page);
        Assert.Contains("Free Support", page);
        Assert.Matches(@"Ended \d{4}-\d{2}-\d{2}", page);
        Assert.Contains("New customer", page);
    }

    [Fact]
    public async Task A_tier1_agent_is_sent_to_access_denied()
    {
        var client = await SignedInAsync("tier1@supportconsole.local", "Demo-tier1-1");

        foreach (var path in new[] { "/admin/customers", "/admin/customers/1", "/admin/customers/new" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_customer_page_shows_the_fields_the_list_one_entry_per_line_and_the_audit_trail()
    {
        var api = fixture.Client();
        var created = await api.PostAsJsonAsync("/api/customers", new
        {
            name = "Wonka Industries",
            plan = "pro-plus",
            termStart = "2020-01-01",
            termEnd = "2099-12-31",
            primaryContact = new { name = "Willy", email = "willy@wonka.example", phone = "" },
            originAddresses = Array.Empty<string>(),
            originDomains = new[] { "wonka.example", "*.wonka.example" },
        });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var update = await api.PutAsJsonAsync($"/api/customers/{id}", new
        {
            name = "Wonka Industries",
            plan = "free",
            termStart = "2020-01-01",
            termEnd = "2099-12-31",
            primaryContact = new { name = "Willy", email = "willy@wonka.example", phone = "" },
            originDomains = new[] { "wonka.example", "*.wonka.example" },
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var client = await SignedInAsync("manager@supportconsole.local", "Demo-manager-1");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/customers/{id}"));

        Assert.Contains("Wonka Industries", page);
        Assert.Contains("willy@wonka.example", page);
        Assert.Contains("wonka.example\n*.wonka.example", page);
        Assert.Contains("id=\"audit-trail\"", page);
        Assert.Contains("plan changed", page);
        Assert.Contains("pro-plus → free", page);
        Assert.Contains("created", page);
    }

    [Fact]
    public async Task The_customer_page_lists_the_customer_s_cases_with_a_link_to_all_of_them_in_search()
    {
        var api = fixture.Client();
        var created = await api.PostAsJsonAsync("/api/customers", new
        {
            name = "Initech",
            plan = "pro-plus",
            termStart = "2020-01-01",
            termEnd = "2099-12-31",
            primaryContact = new { name = "Bill", email = "bill@initech.example", phone = "" },
            originAddresses = Array.Empty<string>(),
            originDomains = new[] { "initech.example" },
        });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        foreach (var subject in new[] { "TPS report cover sheet", "Stapler missing" })
        {
            var opened = await api.PostAsJsonAsync("/api/cases", new { from = "peter@initech.example", name = "Peter", subject, body = "Help.", severity = 3 });
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }
        var client = await SignedInAsync("manager@supportconsole.local", "Demo-manager-1");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/customers/{id}"));

        Assert.Contains("id=\"customer-cases\"", page);
        Assert.Contains("Cases (2)", page);
        Assert.Contains("TPS report cover sheet", page);
        Assert.Contains("Stapler missing", page);
        Assert.Contains($"href=\"/cases?customerId={id}\"", page);
    }

    [Fact]
    public async Task An_unknown_customer_page_says_so_and_links_back_to_the_list()
    {
        var client = await SignedInAsync("manager@supportconsole.local", "Demo-manager-1");

        var page = await client.GetStringAsync("/admin/customers/987654");

        Assert.Contains("Customer not found", page);
        Assert.Contains("href=\"/admin/customers\"", page);
    }
}
