using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;
using static SupportConsole.Tests.Domain.Calendar.Calendars;

namespace SupportConsole.Tests.Domain.Calendar;

/// <summary>Every US daylight-saving change 2026–2030: windows stay 07:00–19:00 on the wall clock either side.</summary>
public sealed class DaylightSavingTests
{
    // the Friday before the Sunday change, the offset before, the offset after, the abbreviation after
    public static TheoryData<string, string, string, string> Changes => new()
    {
        { "2026-03-06", "-06:00", "-05:00", "CDT" },
        { "2026-10-30", "-05:00", "-06:00", "CST" },
        { "2027-03-12", "-06:00", "-05:00", "CDT" },
        { "2027-11-05", "-05:00", "-06:00", "CST" },
        { "2028-03-10", "-06:00", "-05:00", "CDT" },
        { "2028-11-03", "-05:00", "-06:00", "CST" },
        { "2029-03-09", "-06:00", "-05:00", "CDT" },
        { "2029-11-02", "-05:00", "-06:00", "CST" },
        { "2030-03-08", "-06:00", "-05:00", "CDT" },
        { "2030-11-01", "-05:00", "-06:00", "CST" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Friday_evening_case_before_the_change_is_due_tuesday_at_the_same_wall_clock_hour(string friday, string before, string after, string abbreviation)
    {
        var fridayDate = DateOnly.Parse(friday, System.Globalization.CultureInfo.InvariantCulture);
        var arrival = Utc($"{friday}T18:00:00{before}");
        var deadline = FirstResponseDeadline.Compute(NoHolidays, SlaPolicy.ProPlusDefault, arrival);

        Assert.Equal(arrival, deadline.ClockStartsAt);
        Assert.Equal(Utc($"{fridayDate.AddDays(4):yyyy-MM-dd}T18:00:00{after}"), deadline.DueAt);
        Assert.Equal(abbreviation, TierCalendar.ZoneAbbreviation(deadline.DueAt!.Value));
        Assert.Equal(Utc($"{fridayDate.AddDays(4):yyyy-MM-dd}T14:00:00{after}"), deadline.AtRiskAt);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Weekend_case_across_the_change_starts_monday_at_seven_local(string friday, string before, string after, string abbreviation)
    {
        _ = (before, abbreviation);
        var fridayDate = DateOnly.Parse(friday, System.Globalization.CultureInfo.InvariantCulture);
        var sundayNoon = Utc($"{fridayDate.AddDays(2):yyyy-MM-dd}T12:00:00{after}");
        var deadline = FirstResponseDeadline.Compute(NoHolidays, SlaPolicy.ProPlusDefault, sundayNoon);

        Assert.Equal(Utc($"{fridayDate.AddDays(3):yyyy-MM-dd}T07:00:00{after}"), deadline.ClockStartsAt);
        Assert.Equal(Utc($"{fridayDate.AddDays(4):yyyy-MM-dd}T19:00:00{after}"), deadline.DueAt);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Monday_after_the_change_has_a_twelve_hour_window_at_local_hours(string friday, string before, string after, string abbreviation)
    {
        _ = before;
        var monday = DateOnly.Parse(friday, System.Globalization.CultureInfo.InvariantCulture).AddDays(3);
        var opening = Utc($"{monday:yyyy-MM-dd}T07:00:00{after}");

        Assert.False(NoHolidays.IsOpen(SupportTier.Tier1, opening.AddSeconds(-1)));
        Assert.True(NoHolidays.IsOpen(SupportTier.Tier1, opening));
        Assert.Equal(Utc($"{monday:yyyy-MM-dd}T19:00:00{after}"), NoHolidays.CurrentClose(SupportTier.Tier1, opening));
        Assert.Equal(abbreviation, TierCalendar.ZoneAbbreviation(opening));
        Assert.Equal(Utc($"{monday.AddDays(1):yyyy-MM-dd}T19:00:00{after}"), NoHolidays.AddBusinessTime(SupportTier.Tier1, opening, TimeSpan.FromHours(24)));
        Assert.Equal(TimeSpan.FromHours(12), NoHolidays.BusinessTimeBetween(SupportTier.Tier1, Utc($"{friday}T00:00:00{before}"), opening));
    }

    [Fact]
    public void A_july_case_recomputed_in_january_keeps_daylight_time()
    {
        // No clock inside: the offset comes from the arrival's date, never from "today".
        var july = FirstResponseDeadline.Compute(NoHolidays, SlaPolicy.ProPlusDefault, Utc("2029-07-10T15:00:00Z"));
        var january = FirstResponseDeadline.Compute(NoHolidays, SlaPolicy.ProPlusDefault, Utc("2029-01-09T16:00:00Z"));

        Assert.Equal(Utc("2029-07-12T15:00:00Z"), july.DueAt);
        Assert.Equal("Thu 2029-07-12 10:00:00 CDT", TierCalendar.FormatCentral(july.DueAt!.Value));
        Assert.Equal(Utc("2029-01-11T16:00:00Z"), january.DueAt);
        Assert.Equal("Thu 2029-01-11 10:00:00 CST", TierCalendar.FormatCentral(january.DueAt!.Value));
    }

    [Fact]
    public void Central_helpers_show_wall_clock_and_abbreviation()
    {
        var at = Utc("2026-03-11T00:00:00Z");
        Assert.Equal("Tue 2026-03-10 19:00:00 CDT", TierCalendar.FormatCentral(at));
        Assert.Equal(new DateTime(2026, 3, 10, 19, 0, 0, DateTimeKind.Unspecified), TierCalendar.ToCentral(at));
        Assert.Equal("CST", TierCalendar.ZoneAbbreviation(Utc("2026-03-08T07:59:59Z")));
        Assert.Equal("CDT", TierCalendar.ZoneAbbreviation(Utc("2026-03-08T08:00:00Z")));
    }

    [Fact]
    public void Hours_configured_inside_a_spring_forward_gap_map_leniently()
    {
        var calendar = TierCalendar.Create(new BusinessHours(new TimeOnly(2, 30), new TimeOnly(10, 0)), BusinessHours.Tier23Default, []);
        // DST changes fall on Sundays, so the gap never holds a window; weekdays around it are ordinary.
        Assert.True(calendar.IsOpen(SupportTier.Tier1, Utc("2026-03-09T02:30:00-05:00")));
        Assert.Equal(Utc("2026-03-09T02:30:00-05:00"), calendar.NextOpening(SupportTier.Tier1, Utc("2026-03-08T02:00:00-06:00")));
    }
}
