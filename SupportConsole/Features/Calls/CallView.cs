using SupportConsole.Data;

namespace SupportConsole.Features.Calls;

/// <summary>A call as pages and the API show it.</summary>
public sealed record CallView(
    long Id, long? CaseId, long? CaseNumber, string Uid, int Sequence, DateTimeOffset Start, DateTimeOffset End, string EngineerId, string EngineerName,
    string EngineerEmail, string AttendeeEmail, string AttendeeName, string Topic, CallStatus Status, string? Outcome);
