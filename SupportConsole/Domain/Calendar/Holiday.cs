namespace SupportConsole.Domain.Calendar;

/// <summary>A whole Central calendar date on which no tier has a window, with the name agents see.</summary>
public sealed record Holiday(DateOnly Date, string Name);
