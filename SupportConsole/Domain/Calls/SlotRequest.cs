namespace SupportConsole.Domain.Calls;

/// <summary>
/// What a slot search asks for: calls of <see cref="Duration"/>, kept <see cref="Buffer"/> away from booked calls on
/// both sides, starting no sooner than <see cref="MinimumNotice"/> after <see cref="Now"/> and ending by
/// <see cref="Until"/>. "Now" is an argument, so the same request always gives the same slots.
/// </summary>
public sealed record SlotRequest(TimeSpan Duration, TimeSpan Buffer, TimeSpan MinimumNotice, DateTimeOffset Now, DateTimeOffset Until)
{
    /// <summary>
    /// Calls start on the quarter hours of Central wall-clock time (:00, :15, :30, :45), what people expect in an
    /// invitation, whatever the duration.
    /// </summary>
    public static TimeSpan Grid { get; } = TimeSpan.FromMinutes(15);
}
