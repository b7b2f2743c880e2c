using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Dashboard;

public sealed record QueueFigures(CaseQueue Queue, int Open, int Unassigned, int AwaitingFirstResponse, int AtRisk, int Breached, TimeSpan? OldestWaiting);
