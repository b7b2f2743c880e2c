namespace SupportConsole.Data;

/// <summary>One page of a case search: how many cases match in all, and the ids of this page's cases in order.</summary>
public sealed record CaseSearchPage(long Total, IReadOnlyList<long> CaseIds);
