using CsCheck;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Staffing;
using SupportConsole.Features.Calendar;

namespace SupportConsole.Tests.Domain.Staffing;

/// <summary>Random engineers' schedules and instants for the property tests of availability and call slots.</summary>
internal static class ScheduleGen
{
    private static readonly long First = Engineers.At("2026-01-01T00:00Z").ToUnixTimeSeconds();
    private static readonly long Last = Engineers.At("2030-12-31T00:00Z").ToUnixTimeSeconds();

    /// <summary>US federal holidays 2026–2030 (observed), so the properties meet holidays next to weekends.</summary>
    public static TierCalendar Federal { get; } = TierCalendar.Default(
        Enumerable.Range(2026, 6).SelectMany(HolidayBook.FederalHolidays).DistinctBy(h => h.Date));

    /// <summary>Instants 2026–2030 at one-second precision.</summary>
    public static Gen<DateTimeOffset> Starts { get; } = Gen.Long[First, Last].Select(DateTimeOffset.FromUnixTimeSeconds);

    /// <summary>
    /// Weekly hours: often the whole window, otherwise each weekday worked or not, with a range inside 09:00–17:00
    /// that may start or end off the quarter hour (so slots must find the grid themselves).
    /// </summary>
    public static Gen<WeeklyHours> Hours { get; } = Gen.Frequency(
        (1, Gen.Const(WeeklyHours.WholeWindow(BusinessHours.Tier23Default))),
        (3, Gen.Select(Gen.Bool, Gen.Int[9 * 60, 17 * 60 - 1], Gen.Int[1, 8 * 60], (worked, open, length) => (worked, open, length))
            .Array[5]
            .Select(days =>
            {
                string[] keys = ["mon", "tue", "wed", "thu", "fri"];
                var api = new Dictionary<string, string[]>();
                for (var i = 0; i < 5; i++)
                {
                    if (days[i].worked)
                    {
                        api[keys[i]] = [Clock(days[i].open), Clock(Math.Min(days[i].open + days[i].length, 17 * 60))];
                    }
                }

                // Nothing worked at all is expressible only as "no entry", which means the whole window: keep Monday.
                if (api.Count == 0)
                {
                    api["mon"] = ["09:00", "17:00"];
                }

                return WeeklyHours.TryParse(api, BusinessHours.Tier23Default, out var hours, out var error)
                    ? hours
                    : throw new InvalidOperationException(error);
            })));

    /// <summary>A schedule whose time off (0–4 entries, up to 5 days each, any second) lies around <paramref name="from"/>..+<paramref name="days"/>.</summary>
    public static Gen<EngineerSchedule> Schedules(DateTimeOffset from, int days) =>
        Gen.Select(
            Hours,
            Gen.Select(Gen.Long[-86_400, (days + 1) * 86_400L], Gen.Long[0, 5 * 86_400], (offset, length) => new TimeOff(from.AddSeconds(offset), from.AddSeconds(offset + length), "away"))
                .Array[0, 4],
            (hours, timeOff) => new EngineerSchedule(hours, timeOff));

    /// <summary>Whether the engineer works at the instant, read straight from the definition: calendar open, inside the day's hours, not away.</summary>
    public static bool WorksAt(TierCalendar calendar, SupportTier tier, EngineerSchedule schedule, DateTimeOffset at)
    {
        if (!calendar.IsOpen(tier, at))
        {
            return false;
        }

        var local = TierCalendar.ToCentral(at);
        if (!schedule.Hours.Days.TryGetValue(local.DayOfWeek, out var hours))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local);
        return time >= hours.Open && time < hours.Close && !schedule.TimeOff.Any(off => at >= off.From && at < off.To);
    }

    private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
