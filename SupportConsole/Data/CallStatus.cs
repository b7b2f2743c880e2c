namespace SupportConsole.Data;

public enum CallStatus
{
    Booked = 0,
    Cancelled = 1,
    Held = 2,
}
