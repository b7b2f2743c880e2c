namespace SupportConsole.Domain.Intake;

/// <summary>
/// The addresses and domains a customer's cases may come from: an immutable set of <see cref="OriginationEntry"/>.
/// A sender is matched by its most specific entry: an exact address beats a domain, a domain beats a wildcard,
/// and a wildcard on a longer domain beats one on a shorter domain.
/// </summary>
public sealed class OriginationList
{
    private readonly Dictionary<string, OriginationEntry> addresses;
    private readonly Dictionary<string, OriginationEntry> domains;
    private readonly Dictionary<string, OriginationEntry> wildcardParents;

    public static OriginationList Empty { get; } = new([]);

    private OriginationList(IEnumerable<OriginationEntry> entries)
    {
        Entries = entries.Distinct()
            .OrderBy(e => e.DomainPart, StringComparer.Ordinal)
            .ThenBy(e => e.Kind switch { OriginationEntryKind.Domain => 0, OriginationEntryKind.WildcardDomain => 1, _ => 2 })
            .ThenBy(e => e.Value, StringComparer.Ordinal)
            .ToArray();
        addresses = Entries.Where(e => e.Kind == OriginationEntryKind.Address).ToDictionary(e => e.Value, StringComparer.Ordinal);
        domains = Entries.Where(e => e.Kind == OriginationEntryKind.Domain).ToDictionary(e => e.Value, StringComparer.Ordinal);
        wildcardParents = Entries.Where(e => e.Kind == OriginationEntryKind.WildcardDomain).ToDictionary(e => e.DomainPart, StringComparer.Ordinal);
    }

    /// <summary>The entries without duplicates, ordered by domain, then the domain itself, its wildcard, its addresses (a stable order for display and storage).</summary>
    public IReadOnlyList<OriginationEntry> Entries { get; }

    public int Count => Entries.Count;

    public static OriginationList Create(IEnumerable<OriginationEntry> entries) => new(entries);

    /// <summary>
    /// Builds a list from typed or stored text, one entry per string; every string that does not parse gives one
    /// message in <paramref name="errors"/> and the list is only built when there are none.
    /// </summary>
    public static bool TryCreate(IEnumerable<string> entries, out OriginationList list, out IReadOnlyList<string> errors)
    {
        var parsed = new List<OriginationEntry>();
        var problems = new List<string>();
        foreach (var text in entries)
        {
            if (OriginationEntry.TryParse(text, out var entry, out var error))
                parsed.Add(entry);
            else
                problems.Add(error!);
        }

        errors = problems;
        list = problems.Count == 0 ? new OriginationList(parsed) : Empty;
        return problems.Count == 0;
    }

    public bool Contains(OriginationEntry entry) => Entries.Contains(entry);

    /// <summary>The most specific entry matching the sender, or null when none does.</summary>
    public OriginationEntry? Match(EmailAddress sender)
    {
        if (sender.Domain.Length == 0)
            return null;
        if (addresses.TryGetValue(sender.Value, out var address))
            return address;
        if (domains.TryGetValue(sender.Domain, out var domain))
            return domain;

        // Walk up the sender's parent domains, nearest first: the first wildcard found is the most specific.
        var parent = sender.Domain;
        for (var dot = parent.IndexOf('.'); dot >= 0; dot = parent.IndexOf('.'))
        {
            parent = parent[(dot + 1)..];
            if (wildcardParents.TryGetValue(parent, out var wildcard))
                return wildcard;
        }

        return null;
    }

    public OriginationList With(IEnumerable<OriginationEntry> additions) => new(Entries.Concat(additions));

    public OriginationList Without(IEnumerable<OriginationEntry> removals)
    {
        var removed = removals.ToHashSet();
        return new OriginationList(Entries.Where(e => !removed.Contains(e)));
    }

    public override string ToString() => string.Join(", ", Entries);
}
