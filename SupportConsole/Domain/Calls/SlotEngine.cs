using NodaTime;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Staffing;

namespace SupportConsole.Domain.Calls;

/// <summary>
/// Free call slots for one engineer: quarter-hour starts inside their working windows
/// (<see cref="EngineerAvailability.WorkingWindows"/>), clear of their booked calls and the buffer around them.
/// The slot list a customer picks from and the check that settles a booking (<see cref="IsFree"/>) are the same
/// rule, so a slot that was offered is exactly a slot that can be booked, until someone else books it.
/// </summary>
/// <remarks>
/// The arithmetic is in UTC ticks. America/Chicago's offsets (−6:00 and −5:00 throughout the calendar's range) are
/// whole hours, so the quarter hours of UTC are the quarter hours of Central wall-clock time on both sides of a
/// daylight-saving change; the tests check the grid on the wall clock.
/// </remarks>
public static class SlotEngine
{
    private static readonly long GridTicks = SlotRequest.Grid.Ticks;

    /// <summary>
    /// Free call starts (each slot is <c>[start, start + Duration)</c>) on the 15-minute grid of Central wall-clock
    /// time, inside the engineer's working windows for the tier between <c>Now + MinimumNotice</c> and <c>Until</c>
    /// (a slot ends by <c>Until</c>); a slot never overlaps a booked call widened by <c>Buffer</c> on both sides and
    /// never crosses the end of a working window. Ordered by start.
    /// </summary>
    public static IReadOnlyList<BusinessWindow> FreeSlots(
        TierCalendar calendar, SupportTier tier, EngineerSchedule schedule, IReadOnlyList<BookedCall> booked, SlotRequest request)
    {
        Validate(calendar, schedule, booked, request);
        var slots = new List<BusinessWindow>();
        var earliest = EarliestStartOf(request);
        if (request.Until <= earliest)
        {
            return slots;
        }

        var windows = EngineerAvailability.WorkingWindows(calendar, tier, schedule, earliest, request.Until);
        if (windows.Count == 0)
        {
            return slots;
        }

        var blocked = Blocked(booked, request.Buffer, windows[0].Start.UtcTicks, windows[^1].End.UtcTicks);
        var duration = request.Duration.Ticks;

        // At most one slot per grid step that fits in each window: sizing the list once saves its regrowth copies.
        var most = 0L;
        foreach (var window in windows)
        {
            var room = window.End.UtcTicks - AlignUp(window.Start.UtcTicks) - duration;
            most += room < 0 ? 0 : (room / GridTicks) + 1;
        }

        slots.Capacity = (int)Math.Min(most, 100_000);
        var next = 0;
        foreach (var window in windows)
        {
            var end = window.End.UtcTicks;
            var start = AlignUp(window.Start.UtcTicks);
            while (start + duration <= end)
            {
                // Blocks are sorted and starts only grow, so a block that ended is never needed again.
                while (next < blocked.Length && blocked[next].End <= start)
                {
                    next++;
                }

                if (next < blocked.Length && blocked[next].Start < start + duration)
                {
                    // The block ends after start, so this always moves forward: straight to the first start clear of it.
                    start = AlignUp(blocked[next].End);
                    continue;
                }

                slots.Add(new BusinessWindow(AtTicks(start), AtTicks(start + duration)));
                start += GridTicks;
            }
        }

        return slots;
    }

    /// <summary>
    /// Whether one proposed start is free by the same rules as <see cref="FreeSlots"/>: on the grid, no sooner than
    /// the notice allows, ending by <c>Until</c>, wholly inside one working window, clear of the widened booked calls.
    /// Booking calls this with the latest booked calls to settle it; a start that is not on the grid is never free.
    /// </summary>
    public static bool IsFree(
        TierCalendar calendar, SupportTier tier, EngineerSchedule schedule, IReadOnlyList<BookedCall> booked, SlotRequest request, DateTimeOffset start)
    {
        Validate(calendar, schedule, booked, request);
        var startTicks = start.UtcTicks;
        var end = start + request.Duration;
        if (AlignUp(startTicks) != startTicks || start < EarliestStartOf(request) || end > request.Until)
        {
            return false;
        }

        // Working windows come at whole seconds: ask up to the second after the end, then the first must span the slot.
        var windows = EngineerAvailability.WorkingWindows(calendar, tier, schedule, start, CeilingSecond(end));
        if (windows.Count == 0 || windows[0].Start != start || windows[0].End < end)
        {
            return false;
        }

        foreach (var call in booked)
        {
            if (call is not null && call.End > call.Start && call.Start - request.Buffer < end && call.End + request.Buffer > start)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The end of the Tier 2-3 window of the <paramref name="businessDays"/>-th business day after <paramref name="now"/>'s
    /// Central date, for "the next 5 days": what is left of today, then that many whole business days (weekends and
    /// holidays are skipped, not counted). Counting dates rather than hours keeps the answer the same all day long.
    /// </summary>
    public static DateTimeOffset UntilAfterBusinessDays(TierCalendar calendar, DateTimeOffset now, int businessDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(businessDays, 1);

        var date = TierCalendar.LocalDateOf(now);
        for (var counted = 0; counted < businessDays;)
        {
            if (date >= TierCalendar.MaxDate)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(businessDays), businessDays, $"Counting {businessDays} business days from {now:O} runs past the business calendar's last date {TierCalendar.MaxDate:yyyy-MM-dd}.");
            }

            date = date.AddDays(1);
            if (calendar.IsBusinessDay(date))
            {
                counted++;
            }
        }

        // The calendar's own window for that date, so the close is exactly the one every other answer uses.
        var dayWindows = calendar.WindowsBetween(SupportTier.Tier2, StartOfDay(date), StartOfDay(date.AddDays(1)));
        return dayWindows[^1].End;
    }

    private static void Validate(TierCalendar calendar, EngineerSchedule schedule, IReadOnlyList<BookedCall> booked, SlotRequest request)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(booked);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Duration, "A call must last some time.");
        }

        if (request.Buffer < TimeSpan.Zero || request.MinimumNotice < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "The buffer and the minimum notice cannot be negative.");
        }
    }

    // The calendar truncates instants to the second; rounding the earliest start up keeps a slot from starting a fraction too early.
    private static DateTimeOffset EarliestStartOf(SlotRequest request) => CeilingSecond(request.Now + request.MinimumNotice);

    private static DateTimeOffset CeilingSecond(DateTimeOffset at)
    {
        var whole = at.ToWholeSecond();
        return whole < at ? whole.AddSeconds(1) : whole;
    }

    /// <summary>The first grid instant at or after <paramref name="ticks"/> (UTC ticks).</summary>
    private static long AlignUp(long ticks)
    {
        var past = (ticks - DateTimeOffset.UnixEpoch.UtcTicks) % GridTicks;
        if (past < 0)
        {
            past += GridTicks;
        }

        return past == 0 ? ticks : ticks + (GridTicks - past);
    }

    private static DateTimeOffset AtTicks(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static DateTimeOffset StartOfDay(DateOnly date) =>
        DateTimeOffset.FromUnixTimeSeconds(TierCalendar.CentralZone.AtStartOfDay(LocalDate.FromDateOnly(date)).ToInstant().ToUnixTimeSeconds());

    /// <summary>The booked calls touching <c>[from, to)</c>, widened by the buffer, as sorted, merged tick ranges.</summary>
    private static Block[] Blocked(IReadOnlyList<BookedCall> booked, TimeSpan buffer, long from, long to)
    {
        var blocks = new List<Block>(booked.Count);
        foreach (var call in booked)
        {
            if (call is null || call.End <= call.Start)
            {
                continue;
            }

            var start = call.Start.UtcTicks - buffer.Ticks;
            var end = call.End.UtcTicks + buffer.Ticks;
            if (end > from && start < to)
            {
                blocks.Add(new Block(start, end));
            }
        }

        if (blocks.Count <= 1)
        {
            return [.. blocks];
        }

        blocks.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<Block>(blocks.Count) { blocks[0] };
        for (var i = 1; i < blocks.Count; i++)
        {
            if (blocks[i].Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, blocks[i].End) };
            }
            else
            {
                merged.Add(blocks[i]);
            }
        }

        return [.. merged];
    }

    private readonly record struct Block(long Start, long End);
}
