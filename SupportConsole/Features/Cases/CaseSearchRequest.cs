namespace SupportConsole.Features.Cases;

/// <summary>A case search as typed into the API's query string or the search page's address: every value still text.</summary>
public sealed record CaseSearchRequest(
    string? Q = null, string? Status = null, string? Queue = null, string? Tier = null, string? CustomerId = null, string? Assignee = null,
    string? From = null, string? To = null, string? Sort = null, string? Page = null, string? PageSize = null);
