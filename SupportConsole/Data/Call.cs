namespace SupportConsole.Data;

/// <summary>
/// A call between an engineer (or a salesperson) and a customer (or a prospect). Its <see cref="Uid"/> stays the
/// same for the call's whole life, so calendars update the one event; <see cref="Sequence"/> rises on each reschedule.
/// </summary>
public sealed class Call
{
    public long Id { get; set; }

    /// <summary>The case the call is about; null for a prospect's call booked on the public contact page.</summary>
    public long? CaseId { get; set; }

    public string Uid { get; set; } = "";
    public int Sequence { get; set; }
    public string EngineerId { get; set; } = "";
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string AttendeeEmail { get; set; } = "";
    public string AttendeeName { get; set; } = "";
    public string Topic { get; set; } = "";
    public CallStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
}
