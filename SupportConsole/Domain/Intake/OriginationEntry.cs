namespace SupportConsole.Domain.Intake;

/// <summary>
/// One entry of a customer's origination list: an exact address, an exact domain, or a wildcard domain.
/// A domain matches only senders at exactly that domain; a subdomain matches only through <c>*.domain</c>,
/// and the wildcard does not match the apex (list both when both are wanted).
/// </summary>
public sealed record OriginationEntry
{
    private OriginationEntry(OriginationEntryKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public OriginationEntryKind Kind { get; }

    /// <summary>The normalized entry as it is stored and shown: <c>ann@acme.example</c>, <c>acme.example</c>, <c>*.acme.example</c>.</summary>
    public string Value { get; }

    /// <summary>For a wildcard, the domain whose subdomains match (<c>acme.example</c> for <c>*.acme.example</c>); otherwise the domain named.</summary>
    internal string DomainPart => Kind switch
    {
        OriginationEntryKind.Address => Value[(Value.LastIndexOf('@') + 1)..],
        OriginationEntryKind.WildcardDomain => Value[2..],
        _ => Value,
    };

    /// <summary>
    /// Parses an entry: anything with an @ is an address (<c>Ann &lt;ann@acme.example&gt;</c> is fine),
    /// <c>*.acme.example</c> is a wildcard, and <c>acme.example</c> or <c>@acme.example</c> is a domain.
    /// Normalized like <see cref="EmailAddress"/>: trimmed, lower-case, punycode.
    /// </summary>
    public static bool TryParse(string? input, out OriginationEntry entry, out string? error)
    {
        entry = null!;
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "The entry is empty.";
            return false;
        }

        if (text.StartsWith('@'))
            text = text[1..];

        if (text.Contains('@'))
        {
            if (!EmailAddress.TryParse(text, out var address, out error))
                return false;
            entry = FromAddress(address);
            return true;
        }

        var wildcard = false;
        if (text.StartsWith("*.", StringComparison.Ordinal))
        {
            wildcard = true;
            text = text[2..];
        }

        if (text.Contains('*'))
        {
            error = $"\"{input!.Trim()}\" is not a valid entry: a wildcard goes only at the start, like *.example.com.";
            return false;
        }

        if (!MailDomain.TryNormalize(text, out var domain, out var problem))
        {
            error = $"\"{input!.Trim()}\" is not a valid entry: {problem}.";
            return false;
        }

        entry = new OriginationEntry(wildcard ? OriginationEntryKind.WildcardDomain : OriginationEntryKind.Domain,
            wildcard ? "*." + domain : domain);
        error = null;
        return true;
    }

    /// <summary>Parses an entry known to be good (seed data, tests); throws <see cref="FormatException"/> otherwise.</summary>
    public static OriginationEntry Parse(string input) =>
        TryParse(input, out var entry, out var error) ? entry : throw new FormatException(error);

    public static OriginationEntry FromAddress(EmailAddress address) =>
        new(OriginationEntryKind.Address, address.Value);

    public bool Matches(EmailAddress sender) => Kind switch
    {
        OriginationEntryKind.Address => sender.Value == Value,
        OriginationEntryKind.Domain => sender.Domain == Value,
        OriginationEntryKind.WildcardDomain => MailDomain.IsSubdomainOf(sender.Domain, DomainPart),
        _ => false,
    };

    /// <summary>
    /// True when some sender could match both entries (used to refuse one address or domain on two customers' lists).
    /// </summary>
    public bool Overlaps(OriginationEntry other)
    {
        if (this == other)
            return true;

        return (Kind, other.Kind) switch
        {
            (OriginationEntryKind.Address, OriginationEntryKind.Address) => false,
            (OriginationEntryKind.Domain, OriginationEntryKind.Domain) => false,
            (OriginationEntryKind.Address, OriginationEntryKind.Domain)
                or (OriginationEntryKind.Domain, OriginationEntryKind.Address) => DomainPart == other.DomainPart,
            (OriginationEntryKind.WildcardDomain, OriginationEntryKind.WildcardDomain) =>
                DomainPart == other.DomainPart
                || MailDomain.IsSubdomainOf(DomainPart, other.DomainPart)
                || MailDomain.IsSubdomainOf(other.DomainPart, DomainPart),
            (OriginationEntryKind.WildcardDomain, _) => MailDomain.IsSubdomainOf(other.DomainPart, DomainPart),
            (_, OriginationEntryKind.WildcardDomain) => MailDomain.IsSubdomainOf(DomainPart, other.DomainPart),
            _ => false,
        };
    }

    /// <summary>How the entry reads in a routing reason: "address ann@acme.example", "domain acme.example", "*.acme.example".</summary>
    public string Describe() => Kind switch
    {
        OriginationEntryKind.Address => "address " + Value,
        OriginationEntryKind.Domain => "domain " + Value,
        _ => Value,
    };

    public override string ToString() => Value;
}
