namespace SupportConsole.Domain.Intake;

/// <summary>What one line of a customer's origination list names.</summary>
public enum OriginationEntryKind
{
    /// <summary>One exact address: <c>ann@acme.example</c>.</summary>
    Address = 0,

    /// <summary>Every address at exactly this domain: <c>acme.example</c> (not its subdomains).</summary>
    Domain = 1,

    /// <summary>Every address at any subdomain: <c>*.acme.example</c> (not <c>acme.example</c> itself).</summary>
    WildcardDomain = 2,
}
