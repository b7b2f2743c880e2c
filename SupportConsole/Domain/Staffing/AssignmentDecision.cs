namespace SupportConsole.Domain.Staffing;

/// <summary>
/// The engineer an escalation goes to, or null while nobody can take it, with the reason in words: the escalation
/// stores it as <c>assignedBecause</c>, so "why her?" is answered by the same rule that decided.
/// </summary>
public sealed record AssignmentDecision(EngineerCandidate? Engineer, string Explanation);
