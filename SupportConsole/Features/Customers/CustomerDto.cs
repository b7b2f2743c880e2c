using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Plans;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Customers;

public sealed record CustomerDto(
    long Id, string Name, string Plan, string TermStart, string TermEnd, bool TermActive, ContactDto PrimaryContact, string HelpdeskPhone,
    IReadOnlyList<string> OriginAddresses, IReadOnlyList<string> OriginDomains)
{
    public static CustomerDto Of(Customer c, DateOnly today)
    {
        var entries = CustomerBook.OrderedEntries(c);
        return new CustomerDto(
            c.Id, c.Name, c.Plan.ToApiName(), ApiFormat.Date(c.TermStart), ApiFormat.Date(c.TermEnd), c.Term.Includes(today),
            new ContactDto(c.PrimaryContactName, c.PrimaryContactEmail, c.PrimaryContactPhone), c.HelpdeskPhone,
            entries.Where(e => e.Contains('@')).ToList(), entries.Where(e => !e.Contains('@')).ToList());
    }
}
