using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Staffing;
using static SupportConsole.Tests.Domain.Staffing.Engineers;

namespace SupportConsole.Tests.Domain.Staffing;

/// <summary>
/// An engineer's working windows and earliest start: the Tier 2-3 calendar, narrowed by their hours, minus time off.
/// Dates: Mon 2026-03-02 (CST); Mon 2026-03-09 is the first weekday of daylight time; Mon 2026-09-07 is Labor Day.
/// </summary>
public sealed class EngineerAvailabilityTests
{
    private static string[] Windows(EngineerSchedule schedule, string from, string to, TierCalendar? calendar = null) =>
        [.. EngineerAvailability.WorkingWindows(calendar ?? NoHolidays, SupportTier.Tier2, schedule, At(from), At(to)).Select(Central)];

    [Fact]
    public void The_whole_window_is_nine_to_five_central_on_weekdays_only()
    {
        Assert.Equal(
            ["2026-03-06 09:00–17:00", "2026-03-09 09:00–17:00"],
            Windows(WholeWindow, "2026-03-06T00:00-06:00", "2026-03-10T00:00-05:00"));

        var monday = EngineerAvailability.WorkingWindows(NoHolidays, SupportTier.Tier3, WholeWindow, At("2026-03-02T00:00Z"), At("2026-03-03T00:00Z"));
        Assert.Equal([new BusinessWindow(At("2026-03-02T15:00Z"), At("2026-03-02T23:00Z"))], monday);
        Assert.Equal(TimeSpan.Zero, monday[0].Start.Offset);
    }

    [Fact]
    public void Daylight_time_keeps_the_wall_clock_hours_and_moves_the_utc_instants()
    {
        var schedule = Schedule(Hours("mon 09:00-12:00"));

        var windows = EngineerAvailability.WorkingWindows(NoHolidays, SupportTier.Tier2, schedule, At("2026-03-01T00:00Z"), At("2026-03-14T00:00Z"));

        Assert.Equal(
        [
            new BusinessWindow(At("2026-03-02T15:00Z"), At("2026-03-02T18:00Z")),
            new BusinessWindow(At("2026-03-09T14:00Z"), At("2026-03-09T17:00Z")),
        ], windows);
    }

    [Fact]
    public void Only_the_days_in_the_hours_are_worked_and_only_in_their_hours()
    {
        Assert.Equal(
            ["2026-03-02 09:00–12:00", "2026-03-04 13:00–17:00", "2026-03-09 09:00–12:00"],
            Windows(Schedule(Hours("mon 09:00-12:00", "wed 13:00-17:00")), "2026-03-02T00:00-06:00", "2026-03-10T00:00-05:00"));
    }

    [Fact]
    public void Holidays_and_weekends_are_not_worked_whatever_the_hours()
    {
        Assert.Equal(
            ["2026-09-04 09:00–17:00", "2026-09-08 09:00–17:00"],
            Windows(WholeWindow, "2026-09-04T00:00-05:00", "2026-09-09T00:00-05:00", Holidays2026));
    }

    [Fact]
    public void Time_off_inside_a_day_splits_it()
    {
        Assert.Equal(
            ["2026-03-03 09:00–11:00", "2026-03-03 13:00–17:00"],
            Windows(Away(Off("2026-03-03T11:00-06:00", "2026-03-03T13:00-06:00")), "2026-03-03T00:00-06:00", "2026-03-04T00:00-06:00"));
    }

    [Fact]
    public void Time_off_spanning_two_days_takes_the_end_of_one_and_the_start_of_the_next()
    {
        Assert.Equal(
            ["2026-03-02 09:00–17:00", "2026-03-03 09:00–14:00", "2026-03-04 11:00–17:00", "2026-03-05 09:00–17:00"],
            Windows(Away(Off("2026-03-03T14:00-06:00", "2026-03-04T11:00-06:00")), "2026-03-02T00:00-06:00", "2026-03-06T00:00-06:00"));
    }

    [Fact]
    public void Time_off_is_half_open_so_its_end_is_worked_and_its_start_is_not()
    {
        var schedule = Away(Off("2026-03-03T10:00-06:00", "2026-03-03T10:30-06:00"));
        var windows = EngineerAvailability.WorkingWindows(NoHolidays, SupportTier.Tier2, schedule, At("2026-03-03T00:00-06:00"), At("2026-03-04T00:00-06:00"));

        Assert.Equal(At("2026-03-03T10:00-06:00"), windows[0].End);
        Assert.Equal(At("2026-03-03T10:30-06:00"), windows[1].Start);
    }

    [Fact]
    public void Overlapping_touching_and_unsorted_time_off_is_subtracted_once()
    {
        var schedule = Away(
            Off("2026-03-03T15:00-06:00", "2026-03-03T16:00-06:00"),
            Off("2026-03-03T10:00-06:00", "2026-03-03T11:30-06:00"),
            Off("2026-03-03T11:00-06:00", "2026-03-03T12:00-06:00"),
            Off("2026-03-03T12:00-06:00", "2026-03-03T12:15-06:00"),
            Off("2026-03-03T15:30-06:00", "2026-03-03T15:45-06:00"));

        Assert.Equal(
            ["2026-03-03 09:00–10:00", "2026-03-03 12:15–15:00", "2026-03-03 16:00–17:00"],
            Windows(schedule, "2026-03-03T00:00-06:00", "2026-03-04T00:00-06:00"));
    }

    [Fact]
    public void Time_off_that_ends_before_it_starts_takes_nothing_away()
    {
        var schedule = Away(Off("2026-03-03T13:00-06:00", "2026-03-03T11:00-06:00"), Off("2026-03-03T12:00-06:00", "2026-03-03T12:00-06:00"));

        Assert.Equal(["2026-03-03 09:00–17:00"], Windows(schedule, "2026-03-03T00:00-06:00", "2026-03-04T00:00-06:00"));
    }

    [Fact]
    public void The_range_clips_the_windows_and_an_empty_range_has_none()
    {
        Assert.Equal(
            ["2026-03-03 10:15–17:00", "2026-03-04 09:00–09:45"],
            Windows(WholeWindow, "2026-03-03T10:15-06:00", "2026-03-04T09:45-06:00"));
        Assert.Empty(Windows(WholeWindow, "2026-03-03T10:15-06:00", "2026-03-03T10:15-06:00"));
        Assert.Empty(Windows(WholeWindow, "2026-03-04T10:15-06:00", "2026-03-03T10:15-06:00"));
    }

    [Fact]
    public void Hours_wider_than_the_tier_window_are_cut_to_it()
    {
        // Hours saved against Tier 1's window, read for Tier 2: the calendar still bounds them.
        Assert.True(WeeklyHours.TryParse(new Dictionary<string, string[]> { ["tue"] = ["07:00", "10:00"] }, BusinessHours.Tier1Default, out var early, out _));

        Assert.Equal(["2026-03-03 09:00–10:00"], Windows(Schedule(early), "2026-03-02T00:00-06:00", "2026-03-07T00:00-06:00"));
    }

    [Fact]
    public void An_engineer_with_the_tier_one_window_works_tier_one_hours()
    {
        var schedule = new EngineerSchedule(WeeklyHours.WholeWindow(BusinessHours.Tier1Default), []);
        var windows = EngineerAvailability.WorkingWindows(NoHolidays, SupportTier.Tier1, schedule, At("2026-03-03T00:00-06:00"), At("2026-03-04T00:00-06:00"));

        Assert.Equal(["2026-03-03 07:00–19:00"], windows.Select(Central));
    }

    // now, the engineer's schedule (hours; time off), the expected earliest start (Central), a reason
    public static TheoryData<string, string, string?, string> EarliestStarts => new()
    {
        { "2026-03-03T10:00-06:00", "whole", "2026-03-03T10:00-06:00", "working now: now" },
        { "2026-03-03T09:00-06:00", "whole", "2026-03-03T09:00-06:00", "exactly at the open: now" },
        { "2026-03-03T17:00-06:00", "whole", "2026-03-04T09:00-06:00", "exactly at the close: tomorrow" },
        { "2026-03-06T18:00-06:00", "whole", "2026-03-09T09:00-05:00", "Friday evening: Monday 09:00, across the change to daylight time" },
        { "2026-03-07T12:00-06:00", "whole", "2026-03-09T09:00-05:00", "Saturday: Monday" },
        { "2026-09-04T18:00-05:00", "whole", "2026-09-08T09:00-05:00", "Friday evening before Labor Day: Tuesday" },
        { "2026-11-25T17:30-06:00", "whole", "2026-11-27T09:00-06:00", "Wednesday evening before Thanksgiving: Friday" },
        { "2026-03-02T10:00-06:00", "wed 13:00-17:00", "2026-03-04T13:00-06:00", "works Wednesday afternoons only" },
        { "2026-03-04T14:00-06:00", "mon 09:00-12:00", "2026-03-09T09:00-05:00", "works Monday mornings only, asked Wednesday" },
        { "2026-03-03T10:00-06:00", "whole; 2026-03-03T08:00-06:00 2026-03-03T13:00-06:00", "2026-03-03T13:00-06:00", "back from the dentist at 13:00" },
        { "2026-03-03T10:00-06:00", "whole; 2026-03-03T08:00-06:00 2026-03-06T00:00-06:00", "2026-03-06T09:00-06:00", "away until Friday" },
        { "2026-03-02T10:00-06:00", "whole; 2026-03-02T00:00-06:00 2026-03-16T00:00-05:00", "2026-03-16T09:00-05:00", "two weeks' leave: the search steps past a week" },
        { "2026-03-02T10:00-06:00", "whole; 2026-03-02T00:00-06:00 2026-04-15T00:00-05:00", null, "leave beyond the 30-day horizon" },
    };

    [Theory]
    [MemberData(nameof(EarliestStarts))]
    public void Earliest_start_is_the_first_working_instant_within_the_horizon(string now, string schedule, string? expected, string why)
    {
        var start = EngineerAvailability.EarliestStart(Holidays2026, SupportTier.Tier2, ScheduleFrom(schedule), At(now), TimeSpan.FromDays(30));

        Assert.True((expected is null ? (DateTimeOffset?)null : At(expected)) == start, $"{why}: got {start:O}");
    }

    [Fact]
    public void The_horizon_is_half_open_and_a_zero_horizon_finds_nothing()
    {
        var friday = At("2026-03-06T18:00-06:00");
        var monday = At("2026-03-09T09:00-05:00");

        Assert.Null(EngineerAvailability.EarliestStart(NoHolidays, SupportTier.Tier2, WholeWindow, friday, monday - friday));
        Assert.Equal(monday, EngineerAvailability.EarliestStart(NoHolidays, SupportTier.Tier2, WholeWindow, friday, monday - friday + TimeSpan.FromSeconds(1)));
        Assert.Null(EngineerAvailability.EarliestStart(NoHolidays, SupportTier.Tier2, WholeWindow, At("2026-03-03T10:00-06:00"), TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            EngineerAvailability.EarliestStart(NoHolidays, SupportTier.Tier2, WholeWindow, friday, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void A_horizon_past_the_calendar_stops_at_its_last_date_instead_of_failing()
    {
        var away = Away(Off("2100-12-01T00:00Z", "2101-02-01T00:00Z"));

        Assert.Null(EngineerAvailability.EarliestStart(NoHolidays, SupportTier.Tier2, away, At("2100-12-15T12:00Z"), TimeSpan.MaxValue));
        Assert.Equal(
            At("2026-03-03T09:00-06:00"),
            EngineerAvailability.EarliestStart(NoHolidays, SupportTier.Tier2, WholeWindow, At("2026-03-02T18:00-06:00"), TimeSpan.MaxValue));
    }

    [Fact]
    public void Earliest_start_is_taken_at_one_second_precision_like_the_calendar()
    {
        var now = At("2026-03-03T10:00:00.750-06:00");

        Assert.Equal(At("2026-03-03T10:00:00-06:00"), EngineerAvailability.EarliestStart(NoHolidays, SupportTier.Tier2, WholeWindow, now, TimeSpan.FromDays(1)));
    }

    /// <summary>"whole" or API-style hours ("mon 09:00-12:00, wed ..."), then optionally "; from to" time off.</summary>
    private static EngineerSchedule ScheduleFrom(string text)
    {
        var parts = text.Split("; ");
        var hours = parts[0] == "whole" ? WholeWindow.Hours : Hours(parts[0].Split(", "));
        var timeOff = parts.Skip(1).Select(p => p.Split(' ')).Select(p => Off(p[0], p[1])).ToArray();
        return Schedule(hours, timeOff);
    }
}
