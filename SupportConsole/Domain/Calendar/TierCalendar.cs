using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace SupportConsole.Domain.Calendar;

/// <summary>
/// An immutable snapshot of both tiers' windows and the holiday list, for Central dates
/// <see cref="MinDate"/>..<see cref="MaxDate"/>. A holiday edit builds a new snapshot.
/// </summary>
/// <remarks>
/// <para>Instants are taken at one-second precision (sub-second input is truncated) and every
/// instant returned has offset zero (UTC). Nothing here reads a clock or the machine's time zone:
/// Central time comes from NodaTime's embedded tzdb.</para>
/// <para>Every Central day's window is precomputed as UTC Unix seconds, with a running total of
/// window seconds per tier, so each query is one day lookup plus a short search over that total:
/// no allocation, and no dependence on how many holidays there are.</para>
/// </remarks>
public sealed class TierCalendar
{
    private const long SecondsPerDay = 86_400;

    /// <summary>The IANA zone behind "US/Central"; the embedded tzdb, never the machine's zone.</summary>
    public static DateTimeZone CentralZone { get; } = DateTimeZoneProviders.Tzdb["America/Chicago"];

    /// <summary>The first Central date the calendar covers.</summary>
    public static DateOnly MinDate { get; } = new(2000, 1, 1);

    /// <summary>The last Central date the calendar covers.</summary>
    public static DateOnly MaxDate { get; } = new(2100, 12, 31);

    private static readonly int DayCount = MaxDate.DayNumber - MinDate.DayNumber + 1;

    // Local midnight of each covered day (and of the day after the last) as UTC Unix seconds.
    private static readonly long[] DayStarts = BuildDayStarts();

    // Window tables depend only on the hours, so a holiday edit reuses them; a few are kept.
    private static readonly Lock HoursTablesGate = new();
    private static readonly List<HoursTable> RecentHoursTables = [];

    private readonly TierTable tier1;
    private readonly TierTable tier23;
    private readonly FrozenDictionary<DateOnly, Holiday> holidaysByDate;

    private TierCalendar(BusinessHours tier1Hours, BusinessHours tier23Hours, Holiday[] holidays)
    {
        Tier1Hours = tier1Hours;
        Tier23Hours = tier23Hours;
        Holidays = Array.AsReadOnly(holidays);
        holidaysByDate = holidays.ToFrozenDictionary(h => h.Date);

        var closedByHoliday = new bool[DayCount];
        foreach (var holiday in holidays)
        {
            if (holiday.Date >= MinDate && holiday.Date <= MaxDate)
            {
                closedByHoliday[holiday.Date.DayNumber - MinDate.DayNumber] = true;
            }
        }

        tier1 = new TierTable(HoursTableFor(tier1Hours), closedByHoliday);
        tier23 = new TierTable(HoursTableFor(tier23Hours), closedByHoliday);
    }

    /// <summary>Tier 1's daily window.</summary>
    public BusinessHours Tier1Hours { get; }

    /// <summary>Tier 2-3's daily window.</summary>
    public BusinessHours Tier23Hours { get; }

    /// <summary>The holidays of this snapshot in date order (dates outside the range are kept but close nothing).</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>Builds a snapshot. Holiday dates must be distinct.</summary>
    public static TierCalendar Create(BusinessHours tier1, BusinessHours tier23, IEnumerable<Holiday> holidays)
    {
        ArgumentNullException.ThrowIfNull(tier1);
        ArgumentNullException.ThrowIfNull(tier23);
        ArgumentNullException.ThrowIfNull(holidays);

        var list = holidays.ToArray();
        foreach (var holiday in list)
        {
            // A null entry or a blank name would show up as a nameless pause in explanations.
            if (holiday is null || string.IsNullOrWhiteSpace(holiday.Name))
            {
                throw new ArgumentException("Every holiday needs a date and a name.", nameof(holidays));
            }
        }

        Array.Sort(list, static (a, b) => a.Date.CompareTo(b.Date));
        for (var i = 1; i < list.Length; i++)
        {
            // One holiday calendar, one name per date: two names for a date is an editing mistake.
            if (list[i].Date == list[i - 1].Date)
            {
                throw new ArgumentException($"The holiday date {list[i].Date:yyyy-MM-dd} appears twice.", nameof(holidays));
            }
        }

        return new TierCalendar(tier1, tier23, list);
    }

    /// <summary>A snapshot with the default hours (Tier 1 07:00–19:00, Tier 2-3 09:00–17:00, Monday–Friday).</summary>
    public static TierCalendar Default(IEnumerable<Holiday> holidays) =>
        Create(BusinessHours.Tier1Default, BusinessHours.Tier23Default, holidays);

    /// <summary>The window of a tier.</summary>
    public BusinessHours HoursOf(SupportTier tier) => tier == SupportTier.Tier1 ? Tier1Hours : Tier23Hours;

    /// <summary>Whether the instant's Central date lies in <see cref="MinDate"/>..<see cref="MaxDate"/>, so the other operations accept it.</summary>
    public static bool Covers(DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds();
        return t >= DayStarts[0] && t < DayStarts[DayCount];
    }

    /// <summary>Whether the tier's window contains the instant; windows are half-open, so at the close it is closed.</summary>
    public bool IsOpen(SupportTier tier, DateTimeOffset at) => IsOpenAt(tier, at.ToUnixTimeSeconds());

    /// <summary>
    /// The start of the tier's next window: when closed, the next window start after <paramref name="at"/>;
    /// when open, the start of the window after the current one. Always strictly after <paramref name="at"/>.
    /// </summary>
    public DateTimeOffset NextOpening(SupportTier tier, DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds(NextOpeningAt(tier, at.ToUnixTimeSeconds()));

    /// <summary>The close of the window containing the instant, or null when the tier is closed.</summary>
    public DateTimeOffset? CurrentClose(SupportTier tier, DateTimeOffset at)
    {
        var table = TableOf(tier);
        var t = at.ToUnixTimeSeconds();
        var day = DayIndexOf(t);
        var into = t - table.Open[day];
        return into >= 0 && into < table.LengthOf(day)
            ? DateTimeOffset.FromUnixTimeSeconds(table.Open[day] + table.LengthOf(day))
            : null;
    }

    /// <summary>Open with its close, or closed with its next opening: one answer for the availability API.</summary>
    public TierAvailability Availability(SupportTier tier, DateTimeOffset at) =>
        CurrentClose(tier, at) is { } closesAt
            ? new TierAvailability(true, closesAt, null)
            : new TierAvailability(false, null, NextOpening(tier, at));

    /// <summary>When business time starts counting: the instant itself if the tier is open, else its next opening.</summary>
    public DateTimeOffset ClockStart(SupportTier tier, DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds(ClockStartAt(tier, at.ToUnixTimeSeconds()));

    /// <summary>
    /// The earliest instant at which <paramref name="amount"/> of the tier's window time has elapsed since
    /// <paramref name="from"/>. When it runs out exactly at a close, that close is the answer (Monday 07:00 + 24h
    /// of Tier 1 is Tuesday 19:00). A zero amount returns <paramref name="from"/> itself (truncated to the second),
    /// even when closed; use <see cref="ClockStart"/> for "when counting begins".
    /// </summary>
    public DateTimeOffset AddBusinessTime(SupportTier tier, DateTimeOffset from, TimeSpan amount) =>
        DateTimeOffset.FromUnixTimeSeconds(AddBusinessSeconds(tier, from.ToUnixTimeSeconds(), WholeSeconds(amount)));

    /// <summary>The tier's window time inside <c>[from, to)</c>; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan BusinessTimeBetween(SupportTier tier, DateTimeOffset from, DateTimeOffset to) =>
        TimeSpan.FromSeconds(BusinessSecondsBetween(tier, from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds()));

    /// <summary>The tier's windows clipped to <c>[from, to)</c>, in order.</summary>
    public IReadOnlyList<BusinessWindow> WindowsBetween(SupportTier tier, DateTimeOffset from, DateTimeOffset to)
    {
        var start = from.ToUnixTimeSeconds();
        var end = to.ToUnixTimeSeconds();
        if (end <= start)
        {
            return [];
        }

        var table = TableOf(tier);
        var windows = new List<BusinessWindow>();
        var last = DayIndexOf(end - 1);
        for (var day = DayIndexOf(start); day <= last; day++)
        {
            var length = table.LengthOf(day);
            if (length == 0)
            {
                continue;
            }

            var windowStart = Math.Max(table.Open[day], start);
            var windowEnd = Math.Min(table.Open[day] + length, end);
            if (windowStart < windowEnd)
            {
                windows.Add(new BusinessWindow(DateTimeOffset.FromUnixTimeSeconds(windowStart), DateTimeOffset.FromUnixTimeSeconds(windowEnd)));
            }
        }

        return windows;
    }

    /// <summary>The holiday on a Central date, or null.</summary>
    public Holiday? HolidayOn(DateOnly localDate) => holidaysByDate.GetValueOrDefault(localDate);

    /// <summary>Whether a Central date has windows at all: a weekday that is not a holiday.</summary>
    public bool IsBusinessDay(DateOnly localDate) =>
        localDate.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidaysByDate.ContainsKey(localDate);

    /// <summary>The Central calendar date of an instant (any instant, so callers can check the range first).</summary>
    public static DateOnly LocalDateOf(DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds();
        if (t >= DayStarts[0] && t < DayStarts[DayCount])
        {
            return MinDate.AddDays(DayIndexOf(t));
        }

        var local = ToZoned(at).Date;
        return new DateOnly(local.Year, local.Month, local.Day);
    }

    /// <summary>The Central abbreviation in force at the instant: "CST" or "CDT".</summary>
    public static string ZoneAbbreviation(DateTimeOffset at) => ToZoned(at).GetZoneInterval().Name;

    /// <summary>The Central wall-clock time of an instant (kind unspecified).</summary>
    public static DateTime ToCentral(DateTimeOffset at) => ToZoned(at).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>An instant as agents read it, e.g. "Tue 2026-03-10 19:00:00 CDT".</summary>
    public static string FormatCentral(DateTimeOffset at)
    {
        var zoned = ToZoned(at);
        var local = zoned.LocalDateTime.ToDateTimeUnspecified();
        return local.ToString("ddd yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + zoned.GetZoneInterval().Name;
    }

    // ---- Unix-second fast paths (no DateTimeOffset conversions, no allocation) ----

    /// <summary><see cref="IsOpen"/> on Unix seconds.</summary>
    public bool IsOpenAt(SupportTier tier, long unixSeconds)
    {
        var table = TableOf(tier);
        var day = DayIndexOf(unixSeconds);
        var into = unixSeconds - table.Open[day];
        return into >= 0 && into < table.LengthOf(day);
    }

    /// <summary><see cref="ClockStart"/> on Unix seconds.</summary>
    public long ClockStartAt(SupportTier tier, long unixSeconds) =>
        IsOpenAt(tier, unixSeconds) ? unixSeconds : NextOpeningAt(tier, unixSeconds);

    /// <summary><see cref="NextOpening"/> on Unix seconds.</summary>
    public long NextOpeningAt(SupportTier tier, long unixSeconds)
    {
        var table = TableOf(tier);
        var day = DayIndexOf(unixSeconds);
        if (unixSeconds < table.Open[day] && table.LengthOf(day) > 0)
        {
            return table.Open[day];
        }

        // The first later day with any window is the first k > day + 1 whose running total grows past day's end.
        var counted = table.Counted;
        var k = FirstAtLeast(counted, day + 2, counted[day + 1] + 1);
        if (k > DayCount)
        {
            ThrowBeyondRange(unixSeconds);
        }

        return table.Open[k - 1];
    }

    /// <summary><see cref="AddBusinessTime"/> on Unix seconds.</summary>
    public long AddBusinessSeconds(SupportTier tier, long fromUnixSeconds, long seconds)
    {
        if (seconds < 0)
        {
            ThrowNegativeAmount(seconds);
        }

        var table = TableOf(tier);
        var day = DayIndexOf(fromUnixSeconds);
        if (seconds == 0)
        {
            return fromUnixSeconds;
        }

        var target = table.CountedBefore(fromUnixSeconds, day) + seconds;

        // Day k - 1 is the first whose end brings the running total to the target; it has a window.
        var counted = table.Counted;
        var k = FirstAtLeast(counted, day + 1, target);
        if (k > DayCount)
        {
            ThrowBeyondRange(fromUnixSeconds);
        }

        return table.Open[k - 1] + (target - counted[k - 1]);
    }

    /// <summary><see cref="BusinessTimeBetween"/> on Unix seconds.</summary>
    public long BusinessSecondsBetween(SupportTier tier, long fromUnixSeconds, long toUnixSeconds)
    {
        if (toUnixSeconds <= fromUnixSeconds)
        {
            return 0;
        }

        var table = TableOf(tier);
        return table.CountedBefore(toUnixSeconds, DayIndexOf(toUnixSeconds))
            - table.CountedBefore(fromUnixSeconds, DayIndexOf(fromUnixSeconds));
    }

    // ---- internals ----

    private TierTable TableOf(SupportTier tier) => tier == SupportTier.Tier1 ? tier1 : tier23;

    private static ZonedDateTime ToZoned(DateTimeOffset at) =>
        Instant.FromUnixTimeSeconds(at.ToUnixTimeSeconds()).InZone(CentralZone);

    private static int DayIndexOf(long unixSeconds)
    {
        var starts = DayStarts;
        if (unixSeconds < starts[0] || unixSeconds >= starts[DayCount])
        {
            ThrowOutOfRange(unixSeconds);
        }

        // Local midnight is 05:00Z or 06:00Z; guessing with the larger offset is off by at most one day.
        var day = (int)Math.Min((unixSeconds - starts[0]) / SecondsPerDay, DayCount - 1);
        while (unixSeconds < starts[day])
        {
            day--;
        }

        while (unixSeconds >= starts[day + 1])
        {
            day++;
        }

        return day;
    }

    // The smallest k >= start with values[k] >= target, or values.Length; galloping keeps near answers cheap.
    private static int FirstAtLeast(long[] values, int start, long target)
    {
        if (start >= values.Length)
        {
            return values.Length;
        }

        if (values[start] >= target)
        {
            return start;
        }

        var below = start;
        var step = 1;
        var above = start + 1;
        while (above < values.Length && values[above] < target)
        {
            below = above;
            step <<= 1;
            above = below + step;
        }

        if (above >= values.Length)
        {
            above = values.Length - 1;
            if (values[above] < target)
            {
                return values.Length;
            }
        }

        while (above - below > 1)
        {
            var middle = below + ((above - below) >> 1);
            if (values[middle] < target)
            {
                below = middle;
            }
            else
            {
                above = middle;
            }
        }

        return above;
    }

    private static long WholeSeconds(TimeSpan amount)
    {
        if (amount < TimeSpan.Zero)
        {
            ThrowNegativeAmount(amount.Ticks / TimeSpan.TicksPerSecond);
        }

        return amount.Ticks / TimeSpan.TicksPerSecond;
    }

    private static long[] BuildDayStarts()
    {
        var starts = new long[DayCount + 1];
        var date = new LocalDate(MinDate.Year, MinDate.Month, MinDate.Day);
        for (var i = 0; i <= DayCount; i++)
        {
            starts[i] = CentralZone.AtStartOfDay(date).ToInstant().ToUnixTimeSeconds();
            date = date.PlusDays(1);
        }

        return starts;
    }

    private static HoursTable HoursTableFor(BusinessHours hours)
    {
        lock (HoursTablesGate)
        {
            foreach (var cached in RecentHoursTables)
            {
                if (cached.Hours == hours)
                {
                    return cached;
                }
            }
        }

        var built = HoursTable.Build(hours);
        lock (HoursTablesGate)
        {
            RecentHoursTables.Insert(0, built);
            if (RecentHoursTables.Count > 4)
            {
                RecentHoursTables.RemoveAt(RecentHoursTables.Count - 1);
            }
        }

        return built;
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(long unixSeconds)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(unixSeconds, -62_135_596_800, 253_402_300_799));
        throw new ArgumentOutOfRangeException(
            "at",
            at,
            $"{at:yyyy-MM-ddTHH:mm:ssZ} falls on Central date {LocalDateOf(at):yyyy-MM-dd}, outside the business calendar's range {MinDate:yyyy-MM-dd}..{MaxDate:yyyy-MM-dd}.");
    }

    [DoesNotReturn]
    private static void ThrowBeyondRange(long unixSeconds) =>
        throw new ArgumentOutOfRangeException(
            "amount",
            $"Counting from {DateTimeOffset.FromUnixTimeSeconds(unixSeconds):yyyy-MM-ddTHH:mm:ssZ} runs past the business calendar's last date {MaxDate:yyyy-MM-dd}.");

    [DoesNotReturn]
    private static void ThrowNegativeAmount(long seconds) =>
        throw new ArgumentOutOfRangeException("amount", seconds, "Business time to add cannot be negative.");

    /// <summary>Each covered day's window for one set of hours, as UTC Unix seconds, before weekends and holidays.</summary>
    private sealed class HoursTable
    {
        private HoursTable(BusinessHours hours, long[] open, long[] close)
        {
            Hours = hours;
            Open = open;
            Close = close;
        }

        public BusinessHours Hours { get; }

        public long[] Open { get; }

        public long[] Close { get; }

        public static HoursTable Build(BusinessHours hours)
        {
            var open = new long[DayCount];
            var close = new long[DayCount];
            var openTime = new LocalTime(hours.Open.Hour, hours.Open.Minute, hours.Open.Second);
            var closeTime = new LocalTime(hours.Close.Hour, hours.Close.Minute, hours.Close.Second);
            var date = new LocalDate(MinDate.Year, MinDate.Month, MinDate.Day);
            for (var i = 0; i < DayCount; i++)
            {
                // Lenient: a configured time inside a spring-forward gap moves forward, an ambiguous one takes the earlier.
                open[i] = (date + openTime).InZoneLeniently(CentralZone).ToInstant().ToUnixTimeSeconds();
                close[i] = (date + closeTime).InZoneLeniently(CentralZone).ToInstant().ToUnixTimeSeconds();
                date = date.PlusDays(1);
            }

            return new HoursTable(hours, open, close);
        }
    }

    /// <summary>One tier's windows in this snapshot: shared open times plus a running total of window seconds.</summary>
    private sealed class TierTable
    {
        public TierTable(HoursTable hours, bool[] closedByHoliday)
        {
            Open = hours.Open;

            // Counted[i] is the window seconds before day i; a weekend or holiday adds nothing.
            Counted = new long[DayCount + 1];
            var dayOfWeek = (int)MinDate.DayOfWeek;
            long total = 0;
            for (var i = 0; i < DayCount; i++)
            {
                Counted[i] = total;
                var weekend = dayOfWeek is (int)DayOfWeek.Saturday or (int)DayOfWeek.Sunday;
                if (!weekend && !closedByHoliday[i])
                {
                    total += hours.Close[i] - hours.Open[i];
                }

                dayOfWeek = dayOfWeek == 6 ? 0 : dayOfWeek + 1;
            }

            Counted[DayCount] = total;
        }

        public long[] Open { get; }

        public long[] Counted { get; }

        public long LengthOf(int day) => Counted[day + 1] - Counted[day];

        public long CountedBefore(long unixSeconds, int day)
        {
            var into = Math.Clamp(unixSeconds - Open[day], 0, LengthOf(day));
            return Counted[day] + into;
        }
    }
}
