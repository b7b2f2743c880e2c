namespace SupportConsole.Features.Admin;

public sealed record AgentAccount(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, DateTimeOffset? LockedOutUntil);
