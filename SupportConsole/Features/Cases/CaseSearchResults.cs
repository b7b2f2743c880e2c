namespace SupportConsole.Features.Cases;

/// <summary>One page of the search page's results and how many cases match in all.</summary>
public sealed record CaseSearchResults(long Total, IReadOnlyList<CaseSearchRow> Rows);
