namespace SupportConsole.Data;

/// <summary>
/// An agent's own named case search on the /cases page: the search's address (its query string, as the page writes
/// it) under a name. Only its owner sees, runs or deletes it.
/// </summary>
public sealed class SavedView
{
    public long Id { get; set; }
    public string OwnerUserId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The search as the page's address carries it, without the leading "?" (q=...&amp;status=...).</summary>
    public string Query { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}
