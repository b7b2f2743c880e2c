namespace SupportConsole.Domain.Plans;

/// <summary>Where a date stands against a plan term.</summary>
public enum TermPhase
{
    NotStarted = 0,
    Active = 1,
    Ended = 2,
}
