using Bunit;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Plans;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Cases.Pages;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases.Pages;

/// <summary>The case page's requester panel, rendered from what the reader hands it.</summary>
public sealed class RequesterPanelTests : MudTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 15, 0, 0, TimeSpan.Zero);

    private static CaseView ViewOf(SupportCase supportCase, Customer? customer, SenderListing listing) =>
        new(supportCase, null, customer, listing, [], new Dictionary<long, IReadOnlyList<CaseAttachment>>(), new Dictionary<string, string>());

    [Fact]
    public void A_customer_s_case_shows_plan_term_contact_the_matched_entry_and_other_cases_open_first_with_a_link_to_all()
    {
        var acme = new Customer
        {
            Id = 4, Name = "Acme Corp", Plan = SupportPlan.ProPlus, TermStart = new DateOnly(2026, 1, 1), TermEnd = new DateOnly(2026, 12, 31),
            PrimaryContactName = "Pia Primary", PrimaryContactEmail = "pia@acme.example",
        };
        var supportCase = new SupportCase { Id = 1, Number = 100050, Subject = "Exports fail", FromAddress = "dev@acme.example", FromName = "Dana Dev", CustomerId = 4, Queue = CaseQueue.Priority, RoutingReason = "dev@acme.example is on Acme Corp's list" };
        var others = new RequesterCases(12, 1,
        [
            new RequesterCase(100049, "Login loops", CaseStatus.Open, Now.AddDays(-1).UtcDateTime),
            new RequesterCase(100048, "Invoice copy", CaseStatus.Closed, Now.AddDays(-3).UtcDateTime),
        ]);

        var panel = Render<RequesterPanel>(p => p.Add(x => x.View, ViewOf(supportCase, acme, new SenderListing(true, "acme.example"))).Add(x => x.Others, others).Add(x => x.Now, Now).Add(x => x.LinkCustomer, true));

        Assert.Equal("Acme Corp", panel.Find("#customer-name").TextContent);
        Assert.Equal("/admin/customers/4", panel.Find("#customer-name").GetAttribute("href"));
        Assert.Equal("Pro Plus", panel.Find("#customer-plan").TextContent);
        Assert.StartsWith("2026-01-01 – 2026-12-31", panel.Find("#customer-term").TextContent);
        Assert.Equal("Pia Primary <pia@acme.example>", panel.Find("#customer-contact").TextContent);
        Assert.Equal("Yes: dev@acme.example matched the domain entry acme.example", panel.Find("#sender-listed").TextContent);
        Assert.Contains("(12, 1 open)", panel.Find("#requester-cases-count").TextContent);
        var items = panel.FindAll("#requester-cases li");
        Assert.Equal(["requester-case-100049", "requester-case-100048"], items.Select(i => i.Id));
        Assert.Equal("/cases/SC-100049", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/cases?customerId=4", panel.Find("#requester-all-cases").GetAttribute("href"));
        Assert.Contains("All 13 cases", panel.Find("#requester-all-cases").TextContent);
    }

    [Fact]
    public void A_sender_not_on_the_list_says_so_with_the_routing_reason()
    {
        var hooli = new Customer { Id = 5, Name = "Hooli", Plan = SupportPlan.FreeSupport, TermStart = new DateOnly(2026, 1, 1), TermEnd = new DateOnly(2026, 12, 31) };
        var supportCase = new SupportCase { Number = 100051, FromAddress = "gavin@hooli.example", CustomerId = 5, Queue = CaseQueue.Standard, RoutingReason = "Hooli is on Free Support" };

        var panel = Render<RequesterPanel>(p => p.Add(x => x.View, ViewOf(supportCase, hooli, new SenderListing(false, null))).Add(x => x.Now, Now));

        Assert.StartsWith("Not on the list", panel.Find("#sender-listed").TextContent);
        Assert.Equal("None named", panel.Find("#customer-contact").TextContent);
        Assert.Equal("Standard queue: Hooli is on Free Support", panel.Find("#routing-reason").TextContent);
        Assert.Contains("their only case", panel.Find("#requester-no-cases").TextContent);
    }

    [Fact]
    public void A_case_without_a_customer_says_so_plainly_and_lists_the_sender_s_other_cases()
    {
        var supportCase = new SupportCase { Number = 100052, FromAddress = "pat@example.com", FromName = "Pat", Queue = CaseQueue.Standard, RoutingReason = "pat@example.com is on no customer's list" };
        var others = new RequesterCases(1, 0, [new RequesterCase(100040, "Older question", CaseStatus.Resolved, Now.AddDays(-9).UtcDateTime)]);

        var panel = Render<RequesterPanel>(p => p.Add(x => x.View, ViewOf(supportCase, null, new SenderListing(false, null))).Add(x => x.Others, others).Add(x => x.Now, Now));

        Assert.Equal("No customer: pat@example.com is not on any customer's origination list", panel.Find("#customer-name").TextContent);
        Assert.Empty(panel.FindAll("#customer-plan"));
        Assert.Contains("Other cases from pat@example.com", panel.Find("#requester-cases-title").TextContent);
        Assert.Single(panel.FindAll("#requester-cases li"));
        Assert.Equal("/cases?q=pat%40example.com", panel.Find("#requester-all-cases").GetAttribute("href"));
    }
}
