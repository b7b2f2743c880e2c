using SupportConsole.Domain.Cases;
namespace SupportConsole.Data;

/// <summary>A primary contact's request, opened as a support case, to change their origination list.</summary>
public sealed class ListChangeRequest
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public SupportCase? Case { get; set; }
    public long? CustomerId { get; set; }
    public string RequesterEmail { get; set; } = "";

    /// <summary>Normalized entries, one per line.</summary>
    public string Additions { get; set; } = "";
    public string Removals { get; set; } = "";
    public string Unrecognized { get; set; } = "";
    public ListChangeStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionNote { get; set; }

    /// <summary>The request came by mail that a trusted receiving server authenticated for its From domain.</summary>
    public bool SenderAuthenticated { get; set; }

    /// <summary>What is known of the sender, in words for the agent ("dmarc=pass by mx.vendor.example", "sent through the web form").</summary>
    public string SenderCheck { get; set; } = "";
}
