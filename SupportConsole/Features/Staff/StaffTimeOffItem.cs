namespace SupportConsole.Features.Staff;

/// <summary>One stretch of time off, with its id so the page can remove it.</summary>
public sealed record StaffTimeOffItem(long Id, DateTimeOffset From, DateTimeOffset To, string Reason);
