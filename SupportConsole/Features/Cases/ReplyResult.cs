namespace SupportConsole.Features.Cases;

/// <summary>What a reply did, and whether it was the case's first response.</summary>
public sealed record ReplyResult(bool Succeeded, string Message, bool WasFirstResponse);
