namespace SupportConsole.Features.Customers;

public enum CustomerSaveStatus
{
    Saved = 0,
    Invalid = 1,
    Conflict = 2,
    NotFound = 3,
}
