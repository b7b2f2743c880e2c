namespace SupportConsole.Features.Cases;

/// <summary>
/// One view in the /cases page's list: its key in the address (<c>my-open</c>, <c>saved-12</c>), its name, what it
/// shows, and how many cases it holds now. <see cref="SavedId"/> is set for an agent's own saved view.
/// </summary>
public sealed record CaseViewSummary(string Key, string Name, string Description, long Count, long? SavedId = null)
{
    public bool IsSaved => SavedId is not null;
}
