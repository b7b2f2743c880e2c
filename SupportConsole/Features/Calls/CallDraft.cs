namespace SupportConsole.Features.Calls;

/// <summary>A call someone asks to book: with which engineer, when, for how long, with whom, about what.</summary>
public sealed record CallDraft(long? CaseId, string EngineerId, DateTimeOffset Start, TimeSpan Duration, string AttendeeEmail, string AttendeeName, string Topic, string BookedBy);
