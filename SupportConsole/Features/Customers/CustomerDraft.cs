using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Plans;

namespace SupportConsole.Features.Customers;

/// <summary>The editable fields of a customer, as a form or the API hands them in (a full replacement on update).</summary>
public sealed class CustomerDraft
{
    public string Name { get; set; } = "";
    public SupportPlan Plan { get; set; } = SupportPlan.ProPlus;
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string HelpdeskPhone { get; set; } = "";

    /// <summary>Addresses, domains and <c>*.domain</c> wildcards as typed; parsed and normalized on save.</summary>
    public List<string> Origination { get; set; } = [];

    public static CustomerDraft From(Customer customer) => new()
    {
        Name = customer.Name,
        Plan = customer.Plan,
        TermStart = customer.TermStart,
        TermEnd = customer.TermEnd,
        ContactName = customer.PrimaryContactName,
        ContactEmail = customer.PrimaryContactEmail,
        ContactPhone = customer.PrimaryContactPhone,
        HelpdeskPhone = customer.HelpdeskPhone,
        Origination = customer.OriginationList.Select(e => e.Value).ToList(),
    };
}
