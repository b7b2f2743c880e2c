namespace SupportConsole.Domain.Staffing;

/// <summary>
/// What the assignment rule needs to know about one engineer of the tier, gathered by the caller at one instant.
/// </summary>
/// <param name="Id">A stable key (the account's email), the last tie-breaker, so the choice never depends on input order.</param>
/// <param name="Name">The display name people see in the explanation.</param>
/// <param name="AvailableFrom">
/// <see cref="EngineerAvailability.EarliestStart"/> within <see cref="AssignmentRule.LookAhead"/>; null when they do not
/// work within it (long leave, no hours), which keeps them out of the choice.
/// </param>
/// <param name="OpenEscalations">Open escalations assigned to them, compared with <paramref name="Capacity"/>.</param>
/// <param name="Capacity">Open escalations at which they take no more (the API's default is 8).</param>
/// <param name="WeightedLoad">The sum of <see cref="AssignmentRule.Weight"/> over those open escalations (the API's <c>load</c>).</param>
/// <param name="LastAssignedAt">When they were last assigned an escalation; null if never.</param>
public sealed record EngineerCandidate(
    string Id,
    string Name,
    DateTimeOffset? AvailableFrom,
    int OpenEscalations,
    int Capacity,
    int WeightedLoad,
    DateTimeOffset? LastAssignedAt);
