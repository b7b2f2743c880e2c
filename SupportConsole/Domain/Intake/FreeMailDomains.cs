namespace SupportConsole.Domain.Intake;

/// <summary>
/// Mail domains where anyone can get an address (gmail.com, outlook.com, ...). On an origination list such a domain,
/// or <c>*.domain</c>, would route every stranger with a free mailbox to a customer's priority queue, so a list takes
/// single addresses there but never the domain. The list is configurable; <see cref="DefaultList"/> is the built-in one.
/// </summary>
public sealed class FreeMailDomains
{
    private readonly HashSet<string> domains;

    public FreeMailDomains(IEnumerable<string> domains)
    {
        this.domains = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in domains)
        {
            if (MailDomain.TryNormalize(text.Trim().TrimStart('@'), out var domain, out _))
            {
                this.domains.Add(domain);
            }
        }
    }

    /// <summary>The built-in list, used when configuration names none.</summary>
    public static IReadOnlyList<string> DefaultList { get; } =
    [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net",
        "gmx.de", "mail.com", "zoho.com", "yandex.com", "yandex.ru", "mail.ru", "tutanota.com", "fastmail.com", "hey.com",
        "qq.com", "163.com", "web.de",
    ];

    public static FreeMailDomains Default { get; } = new(DefaultList);

    public IReadOnlyCollection<string> Domains => domains;

    /// <summary>
    /// Why the entry may not go on an origination list, or null when it may: a domain or wildcard at a free-mail
    /// domain (or under one) is refused; an address there is fine, since it names one person.
    /// </summary>
    public string? Refusal(OriginationEntry entry)
    {
        if (entry.Kind == OriginationEntryKind.Address)
        {
            return null;
        }
        var domain = entry.DomainPart;
        var free = domains.Contains(domain) ? domain : domains.FirstOrDefault(d => MailDomain.IsSubdomainOf(domain, d));
        return free is null
            ? null
            : $"\"{entry.Value}\" is not accepted: {free} is a free-mail domain where anyone can get an address, so it cannot identify a customer; list the customer's addresses at {free} one by one instead.";
    }
}
