namespace SupportConsole.Features.Staff;

/// <summary>The account store refused a change (a duplicate name, say); the message says what to fix.</summary>
public sealed class StaffSaveException(string message) : Exception(message);
