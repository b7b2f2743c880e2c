using SupportConsole.Domain.Plans;

namespace SupportConsole.Domain.Customers;

/// <summary>An organization the vendor supports, on Pro Plus or Free Support.</summary>
public sealed class Customer
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public SupportPlan Plan { get; set; }

    /// <summary>First day of the plan term, a Central calendar date (inclusive).</summary>
    public DateOnly TermStart { get; set; }

    /// <summary>Last day of the plan term, a Central calendar date (inclusive).</summary>
    public DateOnly TermEnd { get; set; }

    public string PrimaryContactName { get; set; } = "";
    public string PrimaryContactEmail { get; set; } = "";
    public string PrimaryContactPhone { get; set; } = "";

    /// <summary>The helpdesk phone number issued to the primary contact at the start of the term.</summary>
    public string HelpdeskPhone { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public List<OriginationListEntry> OriginationList { get; set; } = [];

    public TermDates Term => new(TermStart, TermEnd);
}
