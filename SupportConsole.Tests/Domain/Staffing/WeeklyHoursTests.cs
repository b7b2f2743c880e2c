using CsCheck;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Staffing;

namespace SupportConsole.Tests.Domain.Staffing;

/// <summary>The API form of an engineer's hours: what is accepted, what is refused and why, and how it reads back.</summary>
public sealed class WeeklyHoursTests
{
    private static readonly BusinessHours Window = BusinessHours.Tier23Default;

    [Fact]
    public void Hours_never_set_are_the_whole_window_monday_to_friday()
    {
        foreach (var days in (Dictionary<string, string[]>?[])[null, []])
        {
            Assert.True(WeeklyHours.TryParse(days, Window, out var hours, out var error));
            Assert.Null(error);
            Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], hours.Days.Keys);
            Assert.All(hours.Days.Values, h => Assert.Equal(Window, h));
            Assert.Equal("Mon–Fri 09:00–17:00", hours.Describe());
        }
    }

    [Fact]
    public void Days_left_out_are_not_worked_and_the_rest_keep_their_hours()
    {
        Assert.True(WeeklyHours.TryParse(
            new Dictionary<string, string[]> { ["wed"] = ["13:00", "17:00"], ["mon"] = ["09:00", "12:00"] }, Window, out var hours, out _));

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday], hours.Days.Keys);
        Assert.Equal(new BusinessHours(new TimeOnly(9, 0), new TimeOnly(12, 0)), hours.Days[DayOfWeek.Monday]);
        Assert.Equal(new BusinessHours(new TimeOnly(13, 0), new TimeOnly(17, 0)), hours.Days[DayOfWeek.Wednesday]);
        Assert.Equal("Mon 09:00–12:00, Wed 13:00–17:00", hours.Describe());
    }

    public static TheoryData<string[], string> Descriptions => new()
    {
        { ["mon 09:00-17:00", "tue 09:00-17:00", "wed 09:00-17:00", "thu 09:00-17:00", "fri 09:00-17:00"], "Mon–Fri 09:00–17:00" },
        { ["mon 09:00-17:00", "tue 09:00-17:00", "wed 09:00-17:00", "thu 09:00-17:00", "fri 09:00-12:00"], "Mon–Thu 09:00–17:00, Fri 09:00–12:00" },
        { ["mon 09:00-12:00", "wed 13:00-17:00"], "Mon 09:00–12:00, Wed 13:00–17:00" },
        { ["mon 10:00-16:00", "tue 10:00-16:00", "thu 10:00-16:00", "fri 10:00-16:00"], "Mon–Tue 10:00–16:00, Thu–Fri 10:00–16:00" },
        { ["fri 09:30-16:45"], "Fri 09:30–16:45" },
        { ["mon 09:00-12:00", "tue 13:00-17:00"], "Mon 09:00–12:00, Tue 13:00–17:00" },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Describe_groups_consecutive_days_with_the_same_hours(string[] days, string expected) =>
        Assert.Equal(expected, Engineers.Hours(days).Describe());

    public static TheoryData<string, string, string[]?, string> Refusals => new()
    {
        { "starts before the window opens", "mon", ["08:00", "17:00"], "Monday 08:00–17:00 is outside the window 09:00–17:00." },
        { "ends after the window closes", "fri", ["09:00", "17:30"], "Friday 09:00–17:30 is outside the window 09:00–17:00." },
        { "a second past the close", "fri", ["09:00", "17:00:01"], "Friday 09:00–17:00:01 is outside the window 09:00–17:00." },
        { "wholly outside", "tue", ["18:00", "20:00"], "Tuesday 18:00–20:00 is outside the window 09:00–17:00." },
        { "saturday", "sat", ["09:00", "17:00"], "Saturday cannot be worked: the tier windows are Monday to Friday." },
        { "sunday", "sun", ["10:00", "12:00"], "Sunday cannot be worked: the tier windows are Monday to Friday." },
        { "a full day name", "monday", ["09:00", "17:00"], "'monday' is not a day: use mon, tue, wed, thu or fri." },
        { "no key at all", "", ["09:00", "17:00"], "'' is not a day: use mon, tue, wed, thu or fri." },
        { "twelve-hour times", "tue", ["9am", "5pm"], "Tuesday has \"9am\"–\"5pm\": times are 24-hour HH:mm, e.g. \"09:00\"." },
        { "hour 25", "tue", ["25:00", "17:00"], "Tuesday has \"25:00\"–\"17:00\": times are 24-hour HH:mm, e.g. \"09:00\"." },
        { "minute 60", "tue", ["09:60", "17:00"], "Tuesday has \"09:60\"–\"17:00\": times are 24-hour HH:mm, e.g. \"09:00\"." },
        { "24:00 is not a time of day", "tue", ["09:00", "24:00"], "Tuesday has \"09:00\"–\"24:00\": times are 24-hour HH:mm, e.g. \"09:00\"." },
        { "padded with spaces", "tue", [" 09:00", "17:00"], "Tuesday has \" 09:00\"–\"17:00\": times are 24-hour HH:mm, e.g. \"09:00\"." },
        { "fractions of a second", "tue", ["09:00:00.5", "17:00"], "Tuesday has \"09:00:00.5\"–\"17:00\": times are 24-hour HH:mm, e.g. \"09:00\"." },
        { "empty text", "tue", ["", "17:00"], "Tuesday has \"\"–\"17:00\": times are 24-hour HH:mm, e.g. \"09:00\"." },
        { "ends before it starts", "wed", ["12:00", "10:00"], "Wednesday 12:00–10:00 must start before it ends." },
        { "empty range", "wed", ["10:00", "10:00"], "Wednesday 10:00–10:00 must start before it ends." },
        { "one time", "thu", ["09:00"], "Thursday needs a start and an end, e.g. [\"09:00\",\"17:00\"]; leave the day out if it is not worked." },
        { "three times", "thu", ["09:00", "12:00", "17:00"], "Thursday needs a start and an end, e.g. [\"09:00\",\"17:00\"]; leave the day out if it is not worked." },
        { "no times", "thu", [], "Thursday needs a start and an end, e.g. [\"09:00\",\"17:00\"]; leave the day out if it is not worked." },
        { "null", "thu", null, "Thursday needs a start and an end, e.g. [\"09:00\",\"17:00\"]; leave the day out if it is not worked." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Bad_hours_are_refused_with_a_reason(string why, string day, string[]? times, string expected)
    {
        var ok = WeeklyHours.TryParse(new Dictionary<string, string[]> { [day] = times! }, Window, out var hours, out var error);

        Assert.False(ok, why);
        Assert.Null(hours);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Every_problem_is_reported_in_input_order_and_one_bad_day_refuses_the_whole_week()
    {
        var days = new Dictionary<string, string[]>
        {
            ["mon"] = ["09:00", "17:00"],
            ["sat"] = ["09:00", "12:00"],
            ["tue"] = ["08:30", "12:00"],
            ["MON"] = ["10:00", "11:00"],
        };

        Assert.False(WeeklyHours.TryParse(days, Window, out _, out var error));
        Assert.Equal(
            "Saturday cannot be worked: the tier windows are Monday to Friday; Tuesday 08:30–12:00 is outside the window 09:00–17:00; Monday is given twice.",
            error);
    }

    [Fact]
    public void The_window_edges_themselves_are_inside_and_keys_and_single_digit_hours_are_read_leniently()
    {
        var days = new Dictionary<string, string[]>
        {
            ["Mon"] = ["09:00", "17:00"],
            ["TUE"] = ["9:00", "12:30"],
            ["wed"] = ["09:00:00", "16:59:59"],
        };

        Assert.True(WeeklyHours.TryParse(days, Window, out var hours, out _));
        Assert.Equal(Window, hours.Days[DayOfWeek.Monday]);
        Assert.Equal(new BusinessHours(new TimeOnly(9, 0), new TimeOnly(12, 30)), hours.Days[DayOfWeek.Tuesday]);
        Assert.Equal("Mon 09:00–17:00, Tue 09:00–12:30, Wed 09:00–16:59:59", hours.Describe());
    }

    [Fact]
    public void Hours_are_checked_against_the_window_they_are_given()
    {
        var early = new Dictionary<string, string[]> { ["mon"] = ["07:00", "19:00"] };

        Assert.False(WeeklyHours.TryParse(early, BusinessHours.Tier23Default, out _, out _));
        Assert.True(WeeklyHours.TryParse(early, BusinessHours.Tier1Default, out var hours, out _));
        Assert.Equal("Mon 07:00–19:00", hours.Describe());
    }

    [Fact]
    public void The_api_form_lists_weekdays_in_order_and_is_a_fresh_copy()
    {
        var hours = Engineers.Hours("fri 13:00-17:00", "mon 09:00-12:00");

        var api = hours.ToApi();
        Assert.Equal(["mon", "fri"], api.Keys);
        Assert.Equal(["09:00", "12:00"], api["mon"]);
        Assert.Equal(["13:00", "17:00"], api["fri"]);

        api["mon"][0] = "10:00";
        Assert.Equal(["09:00", "12:00"], hours.ToApi()["mon"]);
        Assert.Equal(new TimeOnly(9, 0), hours.Days[DayOfWeek.Monday].Open);
    }

    [Fact]
    public void The_whole_window_keeps_seconds_when_the_window_has_them()
    {
        var window = new BusinessHours(new TimeOnly(8, 30, 15), new TimeOnly(16, 45));
        var hours = WeeklyHours.WholeWindow(window);

        Assert.Equal(["08:30:15", "16:45"], hours.ToApi()["wed"]);
        Assert.Equal("Mon–Fri 08:30:15–16:45", hours.Describe());
        Assert.True(WeeklyHours.TryParse(hours.ToApi(), window, out var again, out _));
        Assert.Equal(hours.Days, again.Days);
    }

    [Fact]
    public void The_api_form_reads_back_to_the_same_hours()
    {
        // Any subset of weekdays, each a range inside the window at one-minute precision.
        var day = Gen.Select(Gen.Bool, Gen.Int[9 * 60, 17 * 60 - 1], Gen.Int[1, 8 * 60],
            (worked, open, length) => worked ? ((int Open, int Close)?)(open, Math.Min(open + length, 17 * 60)) : null);
        day.Array[5].Sample(week =>
        {
            var api = new Dictionary<string, string[]>();
            string[] keys = ["mon", "tue", "wed", "thu", "fri"];
            for (var i = 0; i < 5; i++)
            {
                if (week[i] is { } range)
                {
                    api[keys[i]] = [Clock(range.Open), Clock(range.Close)];
                }
            }

            Assert.True(WeeklyHours.TryParse(api, Window, out var hours, out var error), error);
            Assert.True(WeeklyHours.TryParse(hours.ToApi(), Window, out var again, out _));
            Assert.Equal(hours.Days, again.Days);
            Assert.Equal(api.Count == 0 ? 5 : api.Count, hours.Days.Count);
            Assert.Equal(hours.Describe(), again.Describe());
        }, iter: 2_000);
    }

    private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
