using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Domain.Staffing;

/// <summary>
/// An engineer's working hours per weekday in Central wall-clock time; a weekday without an entry is not worked.
/// Saturday and Sunday never count, because the tier window they sit inside is Monday to Friday.
/// </summary>
/// <remarks>
/// <para>Hours are wall-clock, like the tier windows, so "09:00–12:00" is 09:00–12:00 local on both sides of a
/// daylight-saving change. They are checked against the tier window when parsed; if a manager later narrows the
/// window, <see cref="EngineerAvailability"/> still intersects the two, so an engineer never works outside it.</para>
/// <para>One range per day: a split day would need a second range, which the API form (<c>["09:00","17:00"]</c>)
/// cannot say, so it is not modelled rather than half-supported.</para>
/// </remarks>
public sealed class WeeklyHours
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly string[] ApiKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private static readonly string[] ShortNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    // Indexed by DayOfWeek, so the per-day lookup in the availability loop is an array read.
    private readonly BusinessHours?[] byDay;

    private WeeklyHours(BusinessHours?[] byDay)
    {
        this.byDay = byDay;

        // Insertion order Monday..Friday, so enumerating Days (and serialising it) reads like a week.
        var days = new Dictionary<DayOfWeek, BusinessHours>();
        foreach (var day in Weekdays)
        {
            if (byDay[(int)day] is { } hours)
            {
                days.Add(day, hours);
            }
        }

        Days = new ReadOnlyDictionary<DayOfWeek, BusinessHours>(days);
    }

    /// <summary>The worked weekdays (Monday..Friday only) and their hours, in weekday order.</summary>
    public IReadOnlyDictionary<DayOfWeek, BusinessHours> Days { get; }

    /// <summary>Monday to Friday, the whole window: the default for an engineer whose hours were never set.</summary>
    public static WeeklyHours WholeWindow(BusinessHours window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var byDay = new BusinessHours?[7];
        foreach (var day in Weekdays)
        {
            byDay[(int)day] = window;
        }

        return new WeeklyHours(byDay);
    }

    /// <summary>
    /// Reads the API form: keys <c>"mon"</c>..<c>"fri"</c> (any case), values <c>["09:00","17:00"]</c> (24-hour
    /// <c>HH:mm</c> or <c>HH:mm:ss</c>; a single-digit hour is read too), start before end, each inside <paramref name="window"/>. Null or empty input
    /// means "never set" and gives <see cref="WholeWindow"/>. <c>"sat"</c> and <c>"sun"</c> are refused rather than
    /// ignored, so nobody believes a weekend shift was saved. Every problem is reported, in input order, joined by "; ".
    /// </summary>
    public static bool TryParse(
        IReadOnlyDictionary<string, string[]>? days,
        BusinessHours window,
        [MaybeNullWhen(false)] out WeeklyHours hours,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (days is null || days.Count == 0)
        {
            hours = WholeWindow(window);
            error = null;
            return true;
        }

        var byDay = new BusinessHours?[7];
        var seen = new bool[7];
        var problems = new List<string>();
        foreach (var (key, value) in days)
        {
            var day = DayOf(key);
            if (day is null)
            {
                problems.Add($"'{key}' is not a day: use mon, tue, wed, thu or fri");
                continue;
            }

            var name = day.Value.ToString();
            if (day is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                problems.Add($"{name} cannot be worked: the tier windows are Monday to Friday");
                continue;
            }

            if (seen[(int)day.Value])
            {
                problems.Add($"{name} is given twice");
                continue;
            }

            seen[(int)day.Value] = true;
            if (value is not { Length: 2 })
            {
                problems.Add($"{name} needs a start and an end, e.g. [\"09:00\",\"17:00\"]; leave the day out if it is not worked");
                continue;
            }

            if (!TryParseTime(value[0], out var start) || !TryParseTime(value[1], out var end))
            {
                problems.Add($"{name} has \"{value[0]}\"–\"{value[1]}\": times are 24-hour HH:mm, e.g. \"09:00\"");
                continue;
            }

            if (start >= end)
            {
                problems.Add($"{name} {Format(start)}–{Format(end)} must start before it ends");
                continue;
            }

            if (start < window.Open || end > window.Close)
            {
                problems.Add($"{name} {Format(start)}–{Format(end)} is outside the window {Format(window.Open)}–{Format(window.Close)}");
                continue;
            }

            byDay[(int)day.Value] = new BusinessHours(start, end);
        }

        if (problems.Count > 0)
        {
            hours = null;
            error = string.Join("; ", problems) + ".";
            return false;
        }

        hours = new WeeklyHours(byDay);
        error = null;
        return true;
    }

    /// <summary>The API form, the inverse of <see cref="TryParse"/>: <c>{ "mon": ["09:00","17:00"], ... }</c> in weekday order, a fresh copy each call.</summary>
    public IReadOnlyDictionary<string, string[]> ToApi()
    {
        var api = new Dictionary<string, string[]>(Days.Count);
        foreach (var (day, hours) in Days)
        {
            api.Add(ApiKeys[(int)day], [Format(hours.Open), Format(hours.Close)]);
        }

        return api;
    }

    /// <summary>
    /// One line for people: consecutive days with the same hours share a range, e.g. "Mon–Fri 09:00–17:00",
    /// "Mon–Thu 09:00–17:00, Fri 09:00–12:00", "Mon 09:00–12:00, Wed 13:00–17:00".
    /// </summary>
    public string Describe()
    {
        if (Days.Count == 0)
        {
            return "No working days";
        }

        var text = new StringBuilder();
        var i = 0;
        while (i < Weekdays.Length)
        {
            if (byDay[(int)Weekdays[i]] is not { } hours)
            {
                i++;
                continue;
            }

            var last = i;
            while (last + 1 < Weekdays.Length && byDay[(int)Weekdays[last + 1]] == hours)
            {
                last++;
            }

            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(ShortNames[(int)Weekdays[i]]);
            if (last > i)
            {
                text.Append('–').Append(ShortNames[(int)Weekdays[last]]);
            }

            text.Append(' ').Append(Format(hours.Open)).Append('–').Append(Format(hours.Close));
            i = last + 1;
        }

        return text.ToString();
    }

    public override string ToString() => Describe();

    /// <summary>The hours on a weekday, or null when it is not worked (always null on Saturday and Sunday).</summary>
    internal BusinessHours? On(DayOfWeek day) => byDay[(int)day];

    /// <summary>Whether the hours cover <paramref name="window"/> on every weekday, so they change nothing inside it.</summary>
    internal bool CoversEveryWeekday(BusinessHours window)
    {
        foreach (var day in Weekdays)
        {
            if (byDay[(int)day] is not { } hours || hours.Open > window.Open || hours.Close < window.Close)
            {
                return false;
            }
        }

        return true;
    }

    private static DayOfWeek? DayOf(string key)
    {
        for (var i = 0; i < ApiKeys.Length; i++)
        {
            if (string.Equals(key, ApiKeys[i], StringComparison.OrdinalIgnoreCase))
            {
                return (DayOfWeek)i;
            }
        }

        return null;
    }

    private static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    // Minutes unless the window itself has seconds, so the API form round-trips whatever the window is.
    private static string Format(TimeOnly time) =>
        time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
