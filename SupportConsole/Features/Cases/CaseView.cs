using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Cases;

/// <summary>Everything the case page shows, read in one go (no tracking).</summary>
public sealed record CaseView(
    SupportCase Case,
    string? AssigneeName,
    Customer? Customer,
    SenderListing Sender,
    IReadOnlyList<CaseEntry> Thread,
    IReadOnlyDictionary<long, IReadOnlyList<CaseAttachment>> AttachmentsByEntry,
    IReadOnlyDictionary<string, string> AgentNames)
{
    /// <summary>How a thread entry's author reads: an agent by their display name, anyone else by their address.</summary>
    public string AuthorName(string author) => AgentNames.TryGetValue(author, out var name) ? name : author;
}
