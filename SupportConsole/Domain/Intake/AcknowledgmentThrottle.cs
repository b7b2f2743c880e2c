namespace SupportConsole.Domain.Intake;

/// <summary>
/// At most N acknowledgments per sender in any sliding hour, so two auto-responders cannot ping-pong at full speed
/// even when neither marks its mail as automatic.
/// </summary>
public static class AcknowledgmentThrottle
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>
    /// True when fewer than <paramref name="maxPerHour"/> acknowledgments went to this sender in the hour ending at
    /// <paramref name="now"/>: one sent exactly an hour ago no longer counts; any dated after <paramref name="now"/>
    /// (clock skew) still do. A limit of 0 never allows one.
    /// </summary>
    public static bool MayAcknowledge(IReadOnlyList<DateTimeOffset> previousAcksToSender, DateTimeOffset now, int maxPerHour)
    {
        ArgumentNullException.ThrowIfNull(previousAcksToSender);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerHour);

        var windowStart = now - Window;
        var recent = previousAcksToSender.Count(sentAt => sentAt > windowStart);
        return recent < maxPerHour;
    }
}
