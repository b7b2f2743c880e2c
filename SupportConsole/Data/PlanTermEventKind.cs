namespace SupportConsole.Data;

public enum PlanTermEventKind
{
    Welcome = 0,
    Reminder30Days = 1,
    Reminder7Days = 2,
    Ended = 3,
    Renewed = 4,
}
