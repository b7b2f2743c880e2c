namespace SupportConsole.Domain.Calendar;

/// <summary>One stretch <c>[Start, End)</c> of a deadline's timeline; <see cref="Reason"/> is the human text for pauses.</summary>
public sealed record TimelineSegment(DateTimeOffset Start, DateTimeOffset End, SegmentKind Kind, string? Reason)
{
    public TimeSpan Duration => End - Start;

    public bool IsCounted => Kind == SegmentKind.Counted;
}
