namespace SupportConsole.Domain.Cases;

/// <summary>The case take-next chose and why, in words an agent reads.</summary>
public sealed record TakeNextChoice(TakeNextCandidate Case, string Reason);
