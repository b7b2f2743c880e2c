namespace SupportConsole.Features.Customers;

public enum CustomerSaveStatus
{
    Saved = 0,
    Invalid = 1,
    Conflict = 2,
    NotFound = 3,

    /// <summary>The person saving is no longer allowed to (disabled, or no longer a manager); nothing was saved.</summary>
    Refused = 4,
}
