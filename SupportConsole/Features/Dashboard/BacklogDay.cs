namespace SupportConsole.Features.Dashboard;

/// <summary>How many cases were open (open or waiting on the customer) at the end of a Central day, or now for today.</summary>
public sealed record BacklogDay(DateOnly Day, long Open);
