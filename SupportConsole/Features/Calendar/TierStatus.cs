using System.Globalization;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Features.Calendar;

/// <summary>How one tier's availability reads in the app bar at an instant: a chip label, a short label and a tooltip.</summary>
public sealed record TierStatus(SupportTier Tier, bool Open, DateTimeOffset ChangesAt, string Label, string ShortLabel, string Tooltip)
{
    public static TierStatus At(TierCalendar calendar, SupportTier tier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var name = tier == SupportTier.Tier1 ? "Tier 1" : "Tier 2-3";
        var lineName = tier == SupportTier.Tier1 ? "Tier 1 line" : "Tier 2-3";
        var shortName = tier == SupportTier.Tier1 ? "T1" : "T2-3";
        var hours = calendar.HoursOf(tier);
        var availability = calendar.Availability(tier, now);
        var today = TierCalendar.LocalDateOf(now);
        var holiday = calendar.HolidayOn(today);
        var holidayText = holiday is null ? "" : $" Today, {today.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture)}, is a holiday: {holiday.Name}.";
        var window = $"{name} works Monday–Friday {hours} Central, not on holidays.";
        if (availability is { Open: true, ClosesAt: { } closes })
        {
            return new TierStatus(tier, true, closes,
                $"{lineName} open · closes {Clock(closes, today)}",
                $"{shortName} open",
                $"{name} is open until {TierCalendar.FormatCentral(closes)}. {window}{holidayText}");
        }

        var opens = availability.OpensAt!.Value;
        return new TierStatus(tier, false, opens,
            $"{lineName} closed · opens {Clock(opens, today)}",
            $"{shortName} closed",
            $"{name} is closed; it opens {TierCalendar.FormatCentral(opens)}. {window}{holidayText}");
    }

    // "19:00 CST" today, "Fri 07:00 CST" within the week, "Mon 12-28 07:00 CST" further out.
    private static string Clock(DateTimeOffset at, DateOnly today)
    {
        var local = TierCalendar.ToCentral(at);
        var date = DateOnly.FromDateTime(local);
        var format = date == today ? "HH:mm" : date.DayNumber - today.DayNumber < 7 ? "ddd HH:mm" : "ddd MM-dd HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture) + " " + TierCalendar.ZoneAbbreviation(at);
    }
}
