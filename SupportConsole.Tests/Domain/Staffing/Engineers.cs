using System.Globalization;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Staffing;

namespace SupportConsole.Tests.Domain.Staffing;

/// <summary>Schedules and calendars shared by the staffing and call-slot tests, written the way the API takes them.</summary>
internal static class Engineers
{
    /// <summary>Labor Day 2026 (Monday 09-07) and Thanksgiving 2026 (Thursday 11-26): a holiday Monday and a holiday midweek.</summary>
    public static TierCalendar Holidays2026 { get; } = TierCalendar.Default(
    [
        new Holiday(new DateOnly(2026, 9, 7), "Labor Day"),
        new Holiday(new DateOnly(2026, 11, 26), "Thanksgiving Day"),
    ]);

    public static TierCalendar NoHolidays { get; } = TierCalendar.Default([]);

    /// <summary>The Tier 2-3 window, Monday to Friday, no time off.</summary>
    public static EngineerSchedule WholeWindow { get; } = new(WeeklyHours.WholeWindow(BusinessHours.Tier23Default), []);

    /// <summary>Hours in the API form, e.g. <c>Hours("mon 09:00-12:00", "wed 13:00-17:00")</c>; throws on a bad entry.</summary>
    public static WeeklyHours Hours(params string[] days)
    {
        var api = new Dictionary<string, string[]>();
        foreach (var day in days)
        {
            var parts = day.Split(' ', '-');
            api.Add(parts[0], [parts[1], parts[2]]);
        }

        return WeeklyHours.TryParse(api, BusinessHours.Tier23Default, out var hours, out var error)
            ? hours
            : throw new ArgumentException(error, nameof(days));
    }

    public static EngineerSchedule Schedule(WeeklyHours hours, params TimeOff[] timeOff) => new(hours, timeOff);

    public static EngineerSchedule Away(params TimeOff[] timeOff) => new(WholeWindow.Hours, timeOff);

    /// <summary>Time off between two instants written with their offset, e.g. "2026-03-03T14:00-06:00".</summary>
    public static TimeOff Off(string from, string to, string reason = "leave") => new(At(from), At(to), reason);

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>A window as "HH:mm–HH:mm" in Central time with the date, for readable assertions.</summary>
    public static string Central(BusinessWindow window) =>
        $"{TierCalendar.ToCentral(window.Start):yyyy-MM-dd HH:mm}–{TierCalendar.ToCentral(window.End):HH:mm}";
}
