namespace SupportConsole.Domain.Customers;

/// <summary>One address or domain on a customer's origination list. A value is unique across all customers.</summary>
public sealed class OriginationListEntry
{
    public long Id { get; set; }
    public long CustomerId { get; set; }

    /// <summary>Normalized: lower-case, IDN domains in ASCII; an address, a domain, or <c>*.domain</c>.</summary>
    public string Value { get; set; } = "";
}
