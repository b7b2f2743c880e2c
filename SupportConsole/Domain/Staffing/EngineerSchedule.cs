namespace SupportConsole.Domain.Staffing;

/// <summary>
/// Everything that decides when one engineer works, apart from the shared calendar: their weekly hours and their
/// time off (in any order; overlapping entries are fine).
/// </summary>
public sealed record EngineerSchedule(WeeklyHours Hours, IReadOnlyList<TimeOff> TimeOff);
