namespace SupportConsole.Domain.Cases;

/// <summary>One item in a case's thread: a customer's message, a reply, a note, a call or a system event.</summary>
public sealed class CaseEntry
{
    /// <summary>The author of entries the desk writes itself (events such as "escalated to Tier 2").</summary>
    public const string SystemAuthor = "SupportConsole";

    public long Id { get; set; }
    public long CaseId { get; set; }
    public CaseEntryKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
    public string Author { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>The Message-ID of the mail this entry came in or went out as, for threading replies.</summary>
    public string? MessageId { get; set; }

    /// <summary>For system events, what happened in the timeline's words (<c>escalated</c>, <c>assigned</c>, <c>call-booked</c>...).</summary>
    public string? Event { get; set; }

    /// <summary>An event in the case's history, written by the desk.</summary>
    public static CaseEntry SystemEvent(long caseId, DateTimeOffset at, string text, string? timelineEvent = null) =>
        new() { CaseId = caseId, Kind = CaseEntryKind.SystemEvent, AtUtc = at.UtcDateTime, Author = SystemAuthor, Body = text, Event = timelineEvent };
}
