using SupportConsole.Domain.Cases;

namespace SupportConsole.Domain.Intake;

/// <summary>
/// Where a new case goes and why. <see cref="CustomerId"/> is set whenever the sender matched a customer's list,
/// even when that customer does not get the priority queue; <see cref="Reason"/> is recorded on the case.
/// </summary>
public sealed record RoutingDecision(CaseQueue Queue, long? CustomerId, string Reason);
