namespace SupportConsole.Domain.Calendar;

/// <summary>
/// Why a deadline lands where it does: the counted windows from arrival to due, and the pauses between them
/// (a whole closed stretch is one pause, named by the holidays in it, else the weekend, else the night).
/// </summary>
public sealed class DeadlineExplanation
{
    private DeadlineExplanation(DateTimeOffset from, DateTimeOffset due, SupportTier tier, IReadOnlyList<TimelineSegment> segments)
    {
        From = from;
        Due = due;
        Tier = tier;
        Segments = segments;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset Due { get; }

    public SupportTier Tier { get; }

    /// <summary>Counted windows and pauses in time order, covering <c>[From, Due)</c> without gaps.</summary>
    public IReadOnlyList<TimelineSegment> Segments { get; }

    /// <summary>The window time that counted; for a first-response deadline this is the target.</summary>
    public TimeSpan CountedTime => Segments.Where(s => s.IsCounted).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    /// <summary>Explains the stretch from arrival (<paramref name="from"/>) to <paramref name="due"/> in the tier's windows.</summary>
    public static DeadlineExplanation Explain(TierCalendar calendar, DateTimeOffset from, DateTimeOffset due, SupportTier tier = SupportTier.Tier1)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        from = from.ToWholeSecond();
        due = due.ToWholeSecond();

        var segments = new List<TimelineSegment>();
        var cursor = from;
        foreach (var window in calendar.WindowsBetween(tier, from, due))
        {
            if (window.Start > cursor)
            {
                segments.Add(Pause(calendar, cursor, window.Start));
            }

            segments.Add(new TimelineSegment(window.Start, window.End, SegmentKind.Counted, null));
            cursor = window.End;
        }

        // Only reachable when due is not at a window's end, e.g. a zero target from a closed instant.
        if (due > cursor)
        {
            segments.Add(Pause(calendar, cursor, due));
        }

        return new DeadlineExplanation(from, due, tier, segments);
    }

    private static TimelineSegment Pause(TierCalendar calendar, DateTimeOffset start, DateTimeOffset end)
    {
        // Look at every Central date the pause touches; closed dates decide its name.
        var holidayNames = new List<string>();
        var weekend = false;
        var lastDate = TierCalendar.LocalDateOf(end.AddSeconds(-1));
        for (var date = TierCalendar.LocalDateOf(start); date <= lastDate; date = date.AddDays(1))
        {
            if (calendar.HolidayOn(date) is { } holiday)
            {
                holidayNames.Add(holiday.Name);
            }
            else if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                weekend = true;
            }
        }

        if (holidayNames.Count > 0)
        {
            var reason = (holidayNames.Count == 1 ? "Holiday: " : "Holidays: ") + string.Join(", ", holidayNames);
            return new TimelineSegment(start, end, SegmentKind.Holiday, weekend ? reason + " and weekend" : reason);
        }

        return weekend
            ? new TimelineSegment(start, end, SegmentKind.Weekend, "Weekend")
            : new TimelineSegment(start, end, SegmentKind.Night, "Night");
    }
}
