namespace SupportConsole.Domain.Cases;

/// <summary>Who is acting on a case: an agent (user id, display name, email), or the API on an agent's behalf.</summary>
public sealed record Actor(string UserId, string Name, string Email);
