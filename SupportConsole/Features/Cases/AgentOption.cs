namespace SupportConsole.Features.Cases;

public sealed record AgentOption(string Id, string Name);
