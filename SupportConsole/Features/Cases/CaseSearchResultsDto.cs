namespace SupportConsole.Features.Cases;

/// <summary>The answer of <c>GET /api/cases</c>: how many cases match, and this page's cases in the shape of <c>GET /api/cases/{number}</c>.</summary>
public sealed record CaseSearchResultsDto(long Total, IReadOnlyList<CaseDto> Items);
