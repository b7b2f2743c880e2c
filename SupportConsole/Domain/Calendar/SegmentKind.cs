namespace SupportConsole.Domain.Calendar;

/// <summary>What a stretch of a deadline's timeline is: counted window time, or a pause and why.</summary>
public enum SegmentKind
{
    /// <summary>Window time that counts toward the deadline.</summary>
    Counted = 0,

    /// <summary>Between one business day's close and the next business day's opening.</summary>
    Night = 1,

    /// <summary>A pause that takes in a Saturday and Sunday and no holiday.</summary>
    Weekend = 2,

    /// <summary>A pause that takes in at least one holiday.</summary>
    Holiday = 3,
}
