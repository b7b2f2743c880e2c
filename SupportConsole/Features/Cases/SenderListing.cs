namespace SupportConsole.Features.Cases;

/// <summary>Whether the case's sender is on its customer's origination list, and which entry matched.</summary>
public sealed record SenderListing(bool OnList, string? MatchedEntry);
