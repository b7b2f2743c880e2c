namespace SupportConsole.Features.Dashboard;

public sealed record DailyResponses(DateOnly Day, int Met, int MetLate);
