using NodaTime;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Domain.Staffing;

/// <summary>
/// When one engineer works: the tier's calendar windows (business days, holidays excluded) intersected with the
/// engineer's weekly hours, minus their time off. Assignment ("who can start first") and call slots both read
/// this one definition, so an engineer offered a call at 10:00 is also the one the rule thinks is working then.
/// </summary>
/// <remarks>
/// Instants are taken at one-second precision and returned in UTC, as <see cref="TierCalendar"/> does (a sub-second
/// input is truncated). Nothing here reads a clock: "now" is always an argument.
/// </remarks>
public static class EngineerAvailability
{
    // EarliestStart looks a week at a time, so the common answer (today or tomorrow) never walks the whole horizon.
    private static readonly TimeSpan SearchStep = TimeSpan.FromDays(7);

    // The instant after the calendar's last covered day: the furthest any look-ahead can go.
    private static readonly DateTimeOffset CalendarEnd = DateTimeOffset.FromUnixTimeSeconds(
        TierCalendar.CentralZone.AtStartOfDay(LocalDate.FromDateOnly(TierCalendar.MaxDate.AddDays(1))).ToInstant().ToUnixTimeSeconds());

    /// <summary>
    /// The engineer's working windows in <c>[from, to)</c>: the tier's calendar windows intersected with their weekly
    /// hours, minus time off; ordered, merged (touching windows become one), UTC. Empty when <paramref name="to"/> is
    /// not after <paramref name="from"/>.
    /// </summary>
    public static IReadOnlyList<BusinessWindow> WorkingWindows(
        TierCalendar calendar, SupportTier tier, EngineerSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(schedule);
        var windows = new List<BusinessWindow>();
        Collect(calendar, tier, schedule, from, to, windows, firstOnly: false);
        return windows;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="now"/> at which the engineer works, looking ahead at most
    /// <paramref name="horizon"/> (and never past the calendar's last date); null when they do not work within it.
    /// This is "when could they start on it", the first key of the assignment rule.
    /// </summary>
    public static DateTimeOffset? EarliestStart(
        TierCalendar calendar, SupportTier tier, EngineerSchedule schedule, DateTimeOffset now, TimeSpan horizon)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, TimeSpan.Zero);
        if (!TierCalendar.Covers(now))
        {
            throw new ArgumentOutOfRangeException(
                nameof(now), now, $"{now:O} is outside the business calendar's range {TierCalendar.MinDate:yyyy-MM-dd}..{TierCalendar.MaxDate:yyyy-MM-dd}.");
        }

        var end = horizon >= CalendarEnd - now ? CalendarEnd : now + horizon;
        var found = new List<BusinessWindow>(1);
        var cursor = now;
        while (cursor < end)
        {
            var stepEnd = end - cursor > SearchStep ? cursor + SearchStep : end;
            Collect(calendar, tier, schedule, cursor, stepEnd, found, firstOnly: true);
            if (found.Count > 0)
            {
                return found[0].Start;
            }

            cursor = stepEnd;
        }

        return null;
    }

    /// <summary>Appends the working windows in <c>[from, to)</c> to <paramref name="into"/>; with <paramref name="firstOnly"/>, stops at the first.</summary>
    private static void Collect(
        TierCalendar calendar, SupportTier tier, EngineerSchedule schedule, DateTimeOffset from, DateTimeOffset to, List<BusinessWindow> into, bool firstOnly)
    {
        var calendarWindows = calendar.WindowsBetween(tier, from, to);
        if (calendarWindows.Count == 0)
        {
            return;
        }

        var hours = schedule.Hours ?? throw new ArgumentException("A schedule needs weekly hours.", nameof(schedule));
        var away = Away(schedule.TimeOff, calendarWindows[0].Start.ToUnixTimeSeconds(), calendarWindows[^1].End.ToUnixTimeSeconds());

        // Hours that cover the tier window every weekday change nothing: skip the per-day time-zone conversions.
        var wholeWindow = hours.CoversEveryWeekday(calendar.HoursOf(tier));
        var next = 0;
        foreach (var window in calendarWindows)
        {
            var start = window.Start.ToUnixTimeSeconds();
            var end = window.End.ToUnixTimeSeconds();
            if (!wholeWindow)
            {
                // A window lies inside one Central day, so its start names the day whose hours apply.
                var date = TierCalendar.LocalDateOf(window.Start);
                if (hours.On(date.DayOfWeek) is not { } day)
                {
                    continue;
                }

                start = Math.Max(start, UnixSecondsAt(date, day.Open));
                end = Math.Min(end, UnixSecondsAt(date, day.Close));
            }

            // Time off is sorted and windows come in order, so the first entry that can matter only moves forward.
            while (next < away.Length && away[next].End <= start)
            {
                next++;
            }

            for (var k = next; start < end; k++)
            {
                if (k < away.Length && away[k].Start < end)
                {
                    if (away[k].Start > start)
                    {
                        Append(into, start, away[k].Start);
                    }

                    start = Math.Max(start, away[k].End);
                }
                else
                {
                    Append(into, start, end);
                    break;
                }
            }

            if (firstOnly && into.Count > 0)
            {
                return;
            }
        }
    }

    private static void Append(List<BusinessWindow> into, long start, long end)
    {
        if (start >= end)
        {
            return;
        }

        var startAt = DateTimeOffset.FromUnixTimeSeconds(start);
        if (into.Count > 0 && into[^1].End == startAt)
        {
            into[^1] = into[^1] with { End = DateTimeOffset.FromUnixTimeSeconds(end) };
            return;
        }

        into.Add(new BusinessWindow(startAt, DateTimeOffset.FromUnixTimeSeconds(end)));
    }

    /// <summary>The time off touching <c>[from, to)</c> as Unix-second ranges, sorted and merged, so one forward sweep subtracts it.</summary>
    private static Interval[] Away(IReadOnlyList<TimeOff>? timeOff, long from, long to)
    {
        if (timeOff is null || timeOff.Count == 0)
        {
            return [];
        }

        var ranges = new List<Interval>(timeOff.Count);
        foreach (var off in timeOff)
        {
            if (off is null)
            {
                continue;
            }

            var start = off.From.ToUnixTimeSeconds();
            var end = off.To.ToUnixTimeSeconds();
            if (start < end && end > from && start < to)
            {
                ranges.Add(new Interval(start, end));
            }
        }

        if (ranges.Count <= 1)
        {
            return [.. ranges];
        }

        ranges.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<Interval>(ranges.Count) { ranges[0] };
        for (var i = 1; i < ranges.Count; i++)
        {
            var last = merged[^1];
            if (ranges[i].Start <= last.End)
            {
                merged[^1] = new Interval(last.Start, Math.Max(last.End, ranges[i].End));
            }
            else
            {
                merged.Add(ranges[i]);
            }
        }

        return [.. merged];
    }

    /// <summary>A Central wall-clock time on a date as Unix seconds, mapped leniently exactly as the calendar maps its windows.</summary>
    private static long UnixSecondsAt(DateOnly date, TimeOnly time) =>
        new LocalDateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute, time.Second)
            .InZoneLeniently(TierCalendar.CentralZone).ToInstant().ToUnixTimeSeconds();

    private readonly record struct Interval(long Start, long End);
}
