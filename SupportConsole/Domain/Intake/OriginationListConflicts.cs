namespace SupportConsole.Domain.Intake;

/// <summary>
/// Refuses a list that would claim a sender another customer already claims, so that every sender routes to at
/// most one customer. Besides the same entry on two lists, overlaps count: an address under another customer's
/// domain or wildcard, a domain under another's wildcard, two wildcards one inside the other.
/// (A wildcard and the bare apex domain do not overlap: <c>*.acme.example</c> never matches <c>acme.example</c>.)
/// </summary>
public static class OriginationListConflicts
{
    /// <summary>One message per conflicting pair, e.g. "acme.example is already on Acme Corp's list"; empty when the list may be saved.</summary>
    public static IReadOnlyList<string> Find(long customerId, IEnumerable<OriginationEntry> proposed, IEnumerable<CustomerRoutingProfile> others)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(others);

        var otherCustomers = others.Where(c => c.CustomerId != customerId).ToArray();
        var messages = new List<string>();
        foreach (var entry in proposed.Distinct())
        {
            foreach (var other in otherCustomers)
            {
                foreach (var theirs in other.List.Entries.Where(entry.Overlaps))
                    messages.Add(Describe(entry, theirs, RoutingRule.Possessive(other.CustomerName)));
            }
        }

        return messages;
    }

    private static string Describe(OriginationEntry ours, OriginationEntry theirs, string owner)
    {
        if (ours == theirs)
            return $"{ours.Value} is already on {owner} list";

        // An address is never the broader one; otherwise the shorter domain covers the longer.
        var oursIsBroader = ours.Kind != OriginationEntryKind.Address
            && (theirs.Kind == OriginationEntryKind.Address || ours.DomainPart.Length < theirs.DomainPart.Length);
        return oursIsBroader
            ? $"{ours.Value} would take in {theirs.Value}, which is on {owner} list"
            : $"{ours.Value} is already covered by {theirs.Value} on {owner} list";
    }
}
