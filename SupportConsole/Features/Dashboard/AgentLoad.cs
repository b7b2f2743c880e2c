namespace SupportConsole.Features.Dashboard;

public sealed record AgentLoad(string Name, int Open, int AtRiskOrBreached);
