namespace SupportConsole.Features.Calls;

/// <summary>What the public booking page shows for a valid link: the case, the engineer, how long, and the call once booked.</summary>
public sealed record BookingLinkView(long LinkId, long CaseId, string CaseNumber, string Subject, string EngineerId, string EngineerName,
    TimeSpan Duration, string AttendeeEmail, string AttendeeName, DateTimeOffset ExpiresAt, CallView? Call);
