namespace SupportConsole.Domain.Intake;

/// <summary>
/// Every customer's origination list folded into lookups by address, domain and wildcard parent, built once and
/// asked for each arriving case; rebuild it when customers or their lists change. Decides exactly as
/// <see cref="RoutingRule.Route"/> does, in time independent of the number of customers.
/// </summary>
public sealed class RoutingDirectory
{
    private readonly Dictionary<string, (CustomerRoutingProfile Customer, OriginationEntry Entry)> addresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CustomerRoutingProfile Customer, OriginationEntry Entry)> domains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CustomerRoutingProfile Customer, OriginationEntry Entry)> wildcardParents = new(StringComparer.Ordinal);

    /// <summary>Builds the directory; when lists overlap anyway, the customer earlier in the sequence keeps the entry.</summary>
    public RoutingDirectory(IEnumerable<CustomerRoutingProfile> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        foreach (var customer in customers)
        {
            foreach (var entry in customer.List.Entries)
            {
                var lookup = entry.Kind switch
                {
                    OriginationEntryKind.Address => addresses,
                    OriginationEntryKind.Domain => domains,
                    _ => wildcardParents,
                };
                lookup.TryAdd(entry.Kind == OriginationEntryKind.WildcardDomain ? entry.DomainPart : entry.Value, (customer, entry));
            }
        }
    }

    public RoutingDecision Route(EmailAddress sender, DateOnly arrivalDateCentral)
    {
        if (sender.Domain.Length == 0)
            return RoutingRule.Unmatched();
        if (addresses.TryGetValue(sender.Value, out var byAddress))
            return RoutingRule.Decide(byAddress.Customer, byAddress.Entry, arrivalDateCentral);
        if (domains.TryGetValue(sender.Domain, out var byDomain))
            return RoutingRule.Decide(byDomain.Customer, byDomain.Entry, arrivalDateCentral);

        var parent = sender.Domain;
        for (var dot = parent.IndexOf('.'); dot >= 0; dot = parent.IndexOf('.'))
        {
            parent = parent[(dot + 1)..];
            if (wildcardParents.TryGetValue(parent, out var byWildcard))
                return RoutingRule.Decide(byWildcard.Customer, byWildcard.Entry, arrivalDateCentral);
        }

        return RoutingRule.Unmatched();
    }
}
