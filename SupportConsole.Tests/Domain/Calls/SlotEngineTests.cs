using System.Globalization;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Calls;
using SupportConsole.Domain.Staffing;
using static SupportConsole.Tests.Domain.Staffing.Engineers;

namespace SupportConsole.Tests.Domain.Calls;

/// <summary>
/// Free call slots for one engineer. Dates: Mon 2026-03-02 (CST); Mon 2026-03-09 and Mon 2026-11-02 are the first
/// weekdays after the daylight-saving changes; Mon 2026-09-07 is Labor Day.
/// </summary>
public sealed class SlotEngineTests
{
    private static SlotRequest Request(string now, string until, int duration = 30, int buffer = 10, int notice = 60) =>
        new(TimeSpan.FromMinutes(duration), TimeSpan.FromMinutes(buffer), TimeSpan.FromMinutes(notice), At(now), At(until));

    private static IReadOnlyList<BusinessWindow> Free(SlotRequest request, EngineerSchedule? schedule = null, BookedCall[]? booked = null, TierCalendar? calendar = null) =>
        SlotEngine.FreeSlots(calendar ?? Holidays2026, SupportTier.Tier2, schedule ?? WholeWindow, booked ?? [], request);

    private static string Local(DateTimeOffset at) => TierCalendar.ToCentral(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => TierCalendar.ToCentral(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static BookedCall Call(string start, string end) => new(At(start), At(end));

    [Fact]
    public void A_plain_day_has_every_quarter_hour_from_nine_to_the_last_start_that_ends_by_five()
    {
        var slots = Free(Request("2026-03-01T12:00-06:00", "2026-03-03T00:00-06:00"));

        Assert.Equal(31, slots.Count);
        Assert.Equal(new BusinessWindow(At("2026-03-02T15:00Z"), At("2026-03-02T15:30Z")), slots[0]);
        Assert.Equal("2026-03-02 16:30", Local(slots[^1].Start));
        Assert.Equal(At("2026-03-02T17:00-06:00"), slots[^1].End);
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.Duration));
        Assert.All(slots, s => Assert.Equal(TimeSpan.Zero, s.Start.Offset));
        Assert.Equal(slots.OrderBy(s => s.Start), slots);
    }

    // the Monday after a change, its offset, the Friday before with its offset
    [Theory]
    [InlineData("2026-03-09", "-05:00", "2026-03-06T18:00-06:00", "CDT")]
    [InlineData("2026-11-02", "-06:00", "2026-10-30T18:00-05:00", "CST")]
    public void On_the_monday_after_a_daylight_saving_change_slots_keep_the_local_grid_and_hours(string monday, string offset, string fridayEvening, string zone)
    {
        var slots = Free(Request(fridayEvening, $"{monday}T23:59{offset}", duration: 15));

        Assert.Equal(32, slots.Count);
        Assert.Equal(At($"{monday}T09:00{offset}"), slots[0].Start);
        Assert.Equal(At($"{monday}T16:45{offset}"), slots[^1].Start);
        foreach (var slot in slots)
        {
            var start = TierCalendar.ToCentral(slot.Start);
            var end = TierCalendar.ToCentral(slot.End);
            Assert.Equal(monday, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Contains(start.Minute, (int[])[0, 15, 30, 45]);
            Assert.Equal(0, start.Second);
            Assert.InRange(TimeOnly.FromDateTime(start), new TimeOnly(9, 0), new TimeOnly(16, 45));
            Assert.InRange(TimeOnly.FromDateTime(end), new TimeOnly(9, 15), new TimeOnly(17, 0));
            Assert.Equal(zone, TierCalendar.ZoneAbbreviation(slot.Start));
        }
    }

    [Fact]
    public void The_same_wall_clock_hours_are_different_utc_hours_either_side_of_the_change()
    {
        var before = Free(Request("2026-03-05T18:00-06:00", "2026-03-06T23:00-06:00"));
        var after = Free(Request("2026-03-06T18:00-06:00", "2026-03-09T23:00-05:00"));

        Assert.Equal(At("2026-03-06T15:00Z"), before[0].Start);
        Assert.Equal(At("2026-03-09T14:00Z"), after[0].Start);
        Assert.Equal(before.Select(s => Time(s.Start)), after.Select(s => Time(s.Start)));
    }

    [Fact]
    public void A_holiday_and_a_weekend_have_no_slots()
    {
        var slots = Free(Request("2026-09-04T18:00-05:00", "2026-09-09T00:00-05:00"));

        Assert.Equal(["2026-09-08"], slots.Select(s => Local(s.Start)[..10]).Distinct());
        Assert.Equal(31, slots.Count);
    }

    [Fact]
    public void Time_off_spanning_two_days_ends_one_day_early_and_starts_the_next_late()
    {
        var away = Away(Off("2026-03-03T14:00-06:00", "2026-03-04T11:00-06:00", "offsite"));

        var slots = Free(Request("2026-03-02T18:00-06:00", "2026-03-05T00:00-06:00"), away);

        var tuesday = slots.Where(s => Local(s.Start).StartsWith("2026-03-03", StringComparison.Ordinal)).ToList();
        var wednesday = slots.Where(s => Local(s.Start).StartsWith("2026-03-04", StringComparison.Ordinal)).ToList();
        Assert.Equal("09:00", Time(tuesday[0].Start));
        Assert.Equal("13:30", Time(tuesday[^1].Start));
        Assert.Equal("11:00", Time(wednesday[0].Start));
        Assert.Equal("16:30", Time(wednesday[^1].Start));
        Assert.Equal(tuesday.Count + wednesday.Count, slots.Count);
    }

    // A call booked Tue 10:00–10:30 CST. Widened by the buffer it blocks [10:00 − buffer, 10:30 + buffer); a slot
    // [start, start + duration) is free when it ends by that block's start or starts at or after its end.
    [Theory]
    [InlineData(15, 10, new[] { "09:00", "09:15", "09:30", "10:45", "11:00" })] // blocks 09:50–10:40: 09:45 would run into 09:50, 10:30 starts inside
    [InlineData(15, 0, new[] { "09:00", "09:15", "09:30", "09:45", "10:30", "10:45", "11:00" })] // back to back is fine without a buffer
    [InlineData(15, 15, new[] { "09:00", "09:15", "09:30", "10:45", "11:00" })] // blocks 09:45–10:45 exactly: both neighbours touch, half-open
    [InlineData(15, 16, new[] { "09:00", "09:15", "11:00" })] // blocks 09:44–10:46: one minute more costs both neighbours
    [InlineData(30, 10, new[] { "09:00", "09:15", "10:45", "11:00" })] // 09:30–10:00 runs into 09:50
    [InlineData(20, 5, new[] { "09:00", "09:15", "09:30", "10:45", "11:00" })] // blocks 09:55–10:35: 09:30–09:50 fits, 10:30 starts inside
    public void The_buffer_widens_a_booked_call_on_both_sides(int duration, int buffer, string[] expected)
    {
        var booked = new[] { Call("2026-03-03T10:00-06:00", "2026-03-03T10:30-06:00") };

        var slots = Free(Request("2026-03-02T12:00-06:00", "2026-03-04T00:00-06:00", duration, buffer), booked: booked);

        var morning = slots.Where(s => s.Start >= At("2026-03-03T09:00-06:00") && s.Start <= At("2026-03-03T11:00-06:00")).Select(s => Time(s.Start));
        Assert.Equal(expected, morning);
    }

    [Fact]
    public void Two_calls_closer_than_a_slot_plus_two_buffers_leave_nothing_between_them()
    {
        BookedCall[] booked = [Call("2026-03-03T11:00-06:00", "2026-03-03T11:30-06:00"), Call("2026-03-03T10:00-06:00", "2026-03-03T10:30-06:00")];

        var slots = Free(Request("2026-03-02T12:00-06:00", "2026-03-03T12:00-06:00", duration: 15), booked: booked);

        Assert.Equal(["09:00", "09:15", "09:30", "11:45"], slots.Where(s => s.Start >= At("2026-03-03T00:00-06:00")).Select(s => Time(s.Start)));
    }

    [Fact]
    public void Booked_calls_elsewhere_and_empty_ones_block_nothing()
    {
        BookedCall[] booked =
        [
            Call("2026-03-10T10:00-05:00", "2026-03-10T11:00-05:00"),
            Call("2026-03-03T10:00-06:00", "2026-03-03T10:00-06:00"),
            Call("2026-03-03T12:00-06:00", "2026-03-03T11:00-06:00"),
        ];

        var slots = Free(Request("2026-03-02T12:00-06:00", "2026-03-04T00:00-06:00"), booked: booked);

        Assert.Equal(Free(Request("2026-03-02T12:00-06:00", "2026-03-04T00:00-06:00")), slots);
    }

    // now, minimum notice in minutes, the first free start
    [Theory]
    [InlineData("2026-03-03T09:20:00-06:00", 60, "2026-03-03 10:30")]
    [InlineData("2026-03-03T09:00:00-06:00", 60, "2026-03-03 10:00")]
    [InlineData("2026-03-03T09:00:00.5-06:00", 60, "2026-03-03 10:15")]
    [InlineData("2026-03-03T09:00:00-06:00", 0, "2026-03-03 09:00")]
    [InlineData("2026-03-03T09:00:01-06:00", 0, "2026-03-03 09:15")]
    [InlineData("2026-03-03T16:10:00-06:00", 60, "2026-03-04 09:00")]
    [InlineData("2026-03-06T16:30:00-06:00", 60, "2026-03-09 09:00")]
    [InlineData("2026-03-02T10:00:00-06:00", 24 * 60, "2026-03-03 10:00")]
    public void Minimum_notice_moves_the_first_slot_to_the_next_quarter_hour_after_it(string now, int notice, string expected)
    {
        var slots = Free(Request(now, "2026-03-12T00:00-05:00", notice: notice));

        Assert.Equal(expected, Local(slots[0].Start));
    }

    [Theory]
    [InlineData("2026-03-03T12:00-06:00", 30, "11:30")]
    [InlineData("2026-03-03T12:10-06:00", 30, "11:30")]
    [InlineData("2026-03-03T12:15-06:00", 30, "11:45")]
    [InlineData("2026-03-03T23:00-06:00", 45, "16:15")]
    [InlineData("2026-03-03T23:00-06:00", 20, "16:30")]
    [InlineData("2026-03-03T23:00-06:00", 8 * 60, "09:00")]
    public void A_slot_ends_by_the_window_close_and_by_until(string until, int duration, string lastStart)
    {
        var slots = Free(Request("2026-03-02T18:00-06:00", until, duration));

        Assert.Equal(lastStart, Time(slots[^1].Start));
        Assert.True(slots[^1].End <= At(until));
    }

    [Fact]
    public void A_call_longer_than_the_day_has_no_slot_and_an_empty_range_has_none()
    {
        Assert.Empty(Free(Request("2026-03-02T18:00-06:00", "2026-03-06T00:00-06:00", duration: 8 * 60 + 15)));
        Assert.Empty(Free(Request("2026-03-03T10:00-06:00", "2026-03-03T10:30-06:00")));
        Assert.Empty(Free(Request("2026-03-03T10:00-06:00", "2026-03-02T10:30-06:00")));
    }

    [Fact]
    public void Hours_off_the_quarter_hour_start_at_the_next_one()
    {
        var slots = Free(Request("2026-03-01T12:00-06:00", "2026-03-03T00:00-06:00"), Schedule(Hours("mon 09:10-12:05")));

        Assert.Equal("09:15", Time(slots[0].Start));
        Assert.Equal("11:30", Time(slots[^1].Start));
        Assert.Equal(10, slots.Count);
    }

    [Fact]
    public void The_next_five_days_are_the_rest_of_today_and_five_whole_business_days()
    {
        var now = At("2026-03-02T10:00-06:00");
        var until = SlotEngine.UntilAfterBusinessDays(Holidays2026, now, 5);

        var slots = Free(new SlotRequest(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(60), now, until));

        Assert.Equal(
            ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09"],
            slots.Select(s => Local(s.Start)[..10]).Distinct());
        Assert.Equal("2026-03-09 16:30", Local(slots[^1].Start));
    }

    // IsFree with a call booked Tue 10:00–10:30 CST, a 10-minute buffer, 15-minute calls, asked Mon 12:00 CST.
    [Theory]
    [InlineData("2026-03-03T10:45:00-06:00", true)]
    [InlineData("2026-03-03T10:30:00-06:00", false)]
    [InlineData("2026-03-03T09:30:00-06:00", true)]
    [InlineData("2026-03-03T09:45:00-06:00", false)]
    [InlineData("2026-03-03T10:07:00-06:00", false)]
    [InlineData("2026-03-03T10:45:00.5-06:00", false)]
    [InlineData("2026-03-03T16:45:00-06:00", true)]
    [InlineData("2026-03-03T17:00:00-06:00", false)]
    [InlineData("2026-03-03T08:45:00-06:00", false)]
    [InlineData("2026-03-07T10:00:00-06:00", false)]
    [InlineData("2026-03-02T12:45:00-06:00", false)]
    [InlineData("2026-03-02T13:00:00-06:00", true)]
    [InlineData("2026-03-04T11:45:00-06:00", true)]
    [InlineData("2026-03-04T12:00:00-06:00", false)]
    public void Is_free_settles_one_start_by_the_same_rules(string start, bool expected)
    {
        var request = Request("2026-03-02T12:00-06:00", "2026-03-04T12:00-06:00", duration: 15);
        BookedCall[] booked = [Call("2026-03-03T10:00-06:00", "2026-03-03T10:30-06:00")];

        Assert.Equal(expected, SlotEngine.IsFree(Holidays2026, SupportTier.Tier2, WholeWindow, booked, request, At(start)));
        Assert.Equal(expected, Free(request, booked: booked).Any(s => s.Start == At(start)));
    }

    [Fact]
    public void Is_free_refuses_a_start_in_time_off_on_a_holiday_or_outside_the_hours()
    {
        var request = Request("2026-09-01T12:00-05:00", "2026-09-12T00:00-05:00");
        var schedule = Schedule(Hours("tue 09:00-12:00", "wed 09:00-17:00"), Off("2026-09-09T13:00-05:00", "2026-09-09T14:00-05:00"));

        Assert.True(SlotEngine.IsFree(Holidays2026, SupportTier.Tier2, schedule, [], request, At("2026-09-08T11:30-05:00")));
        Assert.False(SlotEngine.IsFree(Holidays2026, SupportTier.Tier2, schedule, [], request, At("2026-09-08T11:45-05:00")));
        Assert.False(SlotEngine.IsFree(Holidays2026, SupportTier.Tier2, schedule, [], request, At("2026-09-07T10:00-05:00")));
        Assert.False(SlotEngine.IsFree(Holidays2026, SupportTier.Tier2, schedule, [], request, At("2026-09-10T10:00-05:00")));
        Assert.True(SlotEngine.IsFree(Holidays2026, SupportTier.Tier2, schedule, [], request, At("2026-09-09T12:30-05:00")));
        Assert.False(SlotEngine.IsFree(Holidays2026, SupportTier.Tier2, schedule, [], request, At("2026-09-09T12:45-05:00")));
        Assert.True(SlotEngine.IsFree(Holidays2026, SupportTier.Tier2, schedule, [], request, At("2026-09-09T14:00-05:00")));
    }

    [Fact]
    public void A_request_that_makes_no_sense_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Free(Request("2026-03-02T12:00-06:00", "2026-03-04T00:00-06:00", duration: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Free(Request("2026-03-02T12:00-06:00", "2026-03-04T00:00-06:00", buffer: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Free(Request("2026-03-02T12:00-06:00", "2026-03-04T00:00-06:00", notice: -1)));
        Assert.Throws<ArgumentNullException>(() => SlotEngine.FreeSlots(Holidays2026, SupportTier.Tier2, WholeWindow, null!, Request("2026-03-02T12:00-06:00", "2026-03-04T00:00-06:00")));
    }

    // now, business days, the end of the last day's Tier 2-3 window
    [Theory]
    [InlineData("2026-03-02T10:00-06:00", 5, "2026-03-09T17:00-05:00")] // Monday: the rest of today, then Tue–Fri and Monday (now in daylight time)
    [InlineData("2026-03-02T08:00-06:00", 5, "2026-03-09T17:00-05:00")] // before the open: the same, it counts dates
    [InlineData("2026-03-06T18:00-06:00", 1, "2026-03-09T17:00-05:00")] // Friday evening: Monday
    [InlineData("2026-03-07T12:00-06:00", 5, "2026-03-13T17:00-05:00")] // Saturday: Monday to Friday
    [InlineData("2026-03-04T05:30:00Z", 1, "2026-03-04T17:00-06:00")] // Tuesday 23:30 Central is Wednesday in UTC: the Central date counts
    [InlineData("2026-09-04T10:00-05:00", 1, "2026-09-08T17:00-05:00")] // Labor Day is skipped, not counted
    [InlineData("2026-11-25T14:00-06:00", 2, "2026-11-30T17:00-06:00")] // Thanksgiving skipped: Friday, then Monday
    [InlineData("2026-10-30T12:00-05:00", 1, "2026-11-02T17:00-06:00")] // across the end of daylight time
    public void Until_after_business_days_counts_business_dates_after_today(string now, int days, string expected) =>
        Assert.Equal(At(expected), SlotEngine.UntilAfterBusinessDays(Holidays2026, At(now), days));

    [Fact]
    public void Until_after_business_days_needs_at_least_one_day_within_the_calendar()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotEngine.UntilAfterBusinessDays(Holidays2026, At("2026-03-02T10:00-06:00"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotEngine.UntilAfterBusinessDays(Holidays2026, At("2100-12-28T10:00-06:00"), 10));
        Assert.Equal(TimeSpan.Zero, SlotEngine.UntilAfterBusinessDays(Holidays2026, At("2026-03-02T10:00-06:00"), 1).Offset);
    }
}
