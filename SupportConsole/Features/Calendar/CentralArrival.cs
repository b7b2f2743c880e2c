using System.Globalization;
using NodaTime;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Features.Calendar;

/// <summary>A Central wall-clock time resolved to an instant, with a note when the wall time was skipped or repeated by DST.</summary>
public sealed record CentralArrival(DateTimeOffset Instant, string? Note)
{
    /// <summary>
    /// Maps a Central wall time leniently: a time in the spring-forward gap moves forward by the gap's length,
    /// a time repeated in the fall-back hour takes its first (daylight) occurrence. Null outside 2000–2100.
    /// </summary>
    public static CentralArrival? Resolve(DateOnly date, TimeOnly time)
    {
        if (date < TierCalendar.MinDate || date > TierCalendar.MaxDate)
        {
            return null;
        }

        var local = new LocalDateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute, time.Second);
        var mapping = TierCalendar.CentralZone.MapLocal(local);
        var zoned = local.InZoneLeniently(TierCalendar.CentralZone);
        var instant = DateTimeOffset.FromUnixTimeSeconds(zoned.ToInstant().ToUnixTimeSeconds());
        var wall = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var note = mapping.Count switch
        {
            0 => $"{wall} does not exist in Central time: clocks spring forward from 02:00 CST to 03:00 CDT that night. It was read as {TierCalendar.FormatCentral(instant)}.",
            2 => $"{wall} happens twice in Central time: clocks fall back from 02:00 CDT to 01:00 CST that night. The first occurrence, {TierCalendar.FormatCentral(instant)}, is used.",
            _ => null,
        };
        return new CentralArrival(instant, note);
    }
}
