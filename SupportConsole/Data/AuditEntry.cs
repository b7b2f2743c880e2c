namespace SupportConsole.Data;

/// <summary>Who changed what on a customer (plan, term, origination list), with the before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string Actor { get; set; } = "";
    public string Subject { get; set; } = "";
    public long? CustomerId { get; set; }
    public string Action { get; set; } = "";
    public string Before { get; set; } = "";
    public string After { get; set; } = "";
}
