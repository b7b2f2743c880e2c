namespace SupportConsole.Features.Dashboard;

/// <summary>
/// The cases that will be missed by <see cref="Until"/> (the next 4 Tier 1 business hours) if nobody answers: not
/// answered, due from now to then. How many, and the first of them by due.
/// </summary>
public sealed record BreachForecast(DateTimeOffset Until, int Count, IReadOnlyList<AttentionCase> Cases);
