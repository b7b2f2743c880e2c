namespace SupportConsole.Data;

public enum ListChangeStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}
