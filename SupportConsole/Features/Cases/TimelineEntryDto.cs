namespace SupportConsole.Features.Cases;

/// <summary>One step in a case's life as <c>GET /api/cases/{number}/timeline</c> answers: <c>{ at, kind, by, detail }</c>.</summary>
public sealed record TimelineEntryDto(string At, string Kind, string? By, string Detail);
