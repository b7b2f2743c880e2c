using System.Globalization;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Plans;

namespace SupportConsole.Domain.Intake;

/// <summary>
/// Which queue a new case joins. A case goes to the priority queue only when its sender is on the origination list
/// of a Pro Plus customer whose term includes the arrival date in Central time; everything else goes to the
/// standard queue. Every decision carries the reason agents see on the case.
/// </summary>
public static class RoutingRule
{
    public const string NotOnAnyListReason = "sender not on any origination list";

    /// <summary>
    /// Routes by scanning every customer's list. Lists may not overlap (see <see cref="OriginationListConflicts"/>);
    /// should they anyway, the most specific entry wins, then the customer earlier in <paramref name="customers"/>.
    /// For many customers build a <see cref="RoutingDirectory"/> once; it decides the same way.
    /// </summary>
    public static RoutingDecision Route(EmailAddress sender, DateOnly arrivalDateCentral, IReadOnlyList<CustomerRoutingProfile> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);

        CustomerRoutingProfile? bestCustomer = null;
        OriginationEntry? bestEntry = null;
        foreach (var customer in customers)
        {
            var entry = customer.List.Match(sender);
            if (entry is not null && (bestEntry is null || IsMoreSpecific(entry, bestEntry)))
            {
                bestCustomer = customer;
                bestEntry = entry;
            }
        }

        return bestCustomer is null
            ? Unmatched()
            : Decide(bestCustomer, bestEntry!, arrivalDateCentral);
    }

    internal static RoutingDecision Unmatched() => new(CaseQueue.Standard, null, NotOnAnyListReason);

    /// <summary>The decision once the sender has matched <paramref name="entry"/> on <paramref name="customer"/>'s list.</summary>
    internal static RoutingDecision Decide(CustomerRoutingProfile customer, OriginationEntry entry, DateOnly arrivalDateCentral)
    {
        var name = Possessive(customer.CustomerName);
        if (customer.Plan != SupportPlan.ProPlus)
            return new(CaseQueue.Standard, customer.CustomerId, $"{customer.CustomerName} is on {customer.Plan.DisplayName()}");
        if (arrivalDateCentral < customer.TermStart)
            return new(CaseQueue.Standard, customer.CustomerId, $"{name} {customer.Plan.DisplayName()} term starts {Iso(customer.TermStart)}");
        if (arrivalDateCentral > customer.TermEnd)
            return new(CaseQueue.Standard, customer.CustomerId, $"{name} {customer.Plan.DisplayName()} term ended {Iso(customer.TermEnd)}");

        return new(CaseQueue.Priority, customer.CustomerId, $"matched {entry.Describe()} on {name} list");
    }

    private static bool IsMoreSpecific(OriginationEntry candidate, OriginationEntry current) =>
        candidate.Kind != current.Kind
            ? candidate.Kind < current.Kind
            : candidate.DomainPart.Length > current.DomainPart.Length;

    /// <summary>"Acme Corp's", "Globex's"; a name already ending in s takes only the apostrophe ("Initech Systems'").</summary>
    internal static string Possessive(string name) =>
        name.EndsWith('s') || name.EndsWith('S') ? name + "'" : name + "'s";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
