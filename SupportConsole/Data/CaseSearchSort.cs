namespace SupportConsole.Data;

/// <summary>The order of case search results.</summary>
public enum CaseSearchSort
{
    /// <summary>Most recently received first (the default).</summary>
    Newest = 0,

    /// <summary>Earliest received first.</summary>
    Oldest = 1,

    /// <summary>Best text match first (only with search text); ties newest first.</summary>
    Relevance = 2,
}
