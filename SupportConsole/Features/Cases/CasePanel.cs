namespace SupportConsole.Features.Cases;

/// <summary>
/// A panel another feature adds to the case page (calls, for instance): a component that takes the case's id and
/// number as <c>CaseId</c> and <c>CaseNumber</c>. Features register theirs as services, so the case page never has to
/// know them and no two features depend on each other.
/// </summary>
public sealed record CasePanel(Type Component, int Order);
