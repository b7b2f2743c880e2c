using CsCheck;
using NodaTime;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Calls;
using SupportConsole.Domain.Staffing;
using static SupportConsole.Tests.Domain.Staffing.ScheduleGen;

namespace SupportConsole.Tests.Domain.Calls;

/// <summary>
/// Free slots over random engineers 2026–2030 (federal holidays, daylight-saving changes, odd hours, time off at any
/// second, overlapping booked calls, durations that are not multiples of the grid), checked against the definition.
/// </summary>
public sealed class SlotEnginePropertyTests
{
    private const int Days = 10;
    private static readonly long GridTicks = SlotRequest.Grid.Ticks;

    private sealed record Case(SupportTier Tier, EngineerSchedule Schedule, BookedCall[] Booked, SlotRequest Request);

    private static readonly Gen<Case> Cases = Starts.SelectMany(now => Gen.Select(
        Gen.OneOf(SupportTier.Tier2, SupportTier.Tier3),
        Schedules(now, Days),
        Gen.Select(Gen.Int[-1, Days], Gen.Int[8 * 3600, 17 * 3600], Gen.Int[1, 120 * 60], (day, second, length) => Booked(now, day, second, length)).Array[0, 12],
        Gen.Select(Gen.Int[1, 180 * 60], Gen.Int[0, 30], Gen.Int[0, 180], Gen.Long[0, Days * 86_400L],
            (durationSeconds, buffer, notice, until) => new SlotRequest(
                TimeSpan.FromSeconds(durationSeconds), TimeSpan.FromMinutes(buffer), TimeSpan.FromMinutes(notice), now, now.AddSeconds(until))),
        (tier, schedule, booked, request) => new Case(tier, schedule, booked, request)));

    // Calls mostly in working hours (where they take slots away), starting at any second, lasting up to two hours.
    private static BookedCall Booked(DateTimeOffset now, int day, int secondOfDay, int seconds)
    {
        var date = LocalDate.FromDateOnly(TierCalendar.LocalDateOf(now)).PlusDays(day);
        var start = (date + LocalTime.FromSecondsSinceMidnight(secondOfDay)).InZoneLeniently(TierCalendar.CentralZone).ToDateTimeOffset().ToUniversalTime();
        return new BookedCall(start, start.AddSeconds(seconds));
    }

    [Fact]
    public void No_slot_lies_outside_the_engineers_working_windows()
    {
        Cases.Sample(c =>
        {
            var windows = EngineerAvailability.WorkingWindows(Federal, c.Tier, c.Schedule, c.Request.Now, c.Request.Until);
            foreach (var slot in SlotEngine.FreeSlots(Federal, c.Tier, c.Schedule, c.Booked, c.Request))
            {
                Assert.Contains(windows, w => w.Start <= slot.Start && slot.End <= w.End);

                // And by the definition, independently of the windows: open, in the day's hours, not away.
                Assert.True(WorksAt(Federal, c.Tier, c.Schedule, slot.Start));
                Assert.True(WorksAt(Federal, c.Tier, c.Schedule, slot.End.AddTicks(-1).ToWholeSecond()));
                Assert.DoesNotContain(c.Schedule.TimeOff, off => off.From < slot.End && off.To > slot.Start && off.To > off.From);
                Assert.Equal(TierCalendar.LocalDateOf(slot.Start), TierCalendar.LocalDateOf(slot.End.AddTicks(-1)));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void No_slot_overlaps_a_booked_call_widened_by_the_buffer()
    {
        Cases.Sample(c =>
        {
            foreach (var slot in SlotEngine.FreeSlots(Federal, c.Tier, c.Schedule, c.Booked, c.Request))
            {
                Assert.DoesNotContain(c.Booked, call =>
                    call.End > call.Start && call.Start - c.Request.Buffer < slot.End && call.End + c.Request.Buffer > slot.Start);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Every_slot_starts_on_the_quarter_hour_of_central_wall_clock_time()
    {
        Cases.Sample(c =>
        {
            foreach (var slot in SlotEngine.FreeSlots(Federal, c.Tier, c.Schedule, c.Booked, c.Request))
            {
                var local = TierCalendar.ToCentral(slot.Start);
                Assert.Equal(0, local.TimeOfDay.Ticks % GridTicks);
                Assert.Equal(0, slot.Start.UtcTicks % TimeSpan.TicksPerSecond);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Slots_are_ordered_exactly_as_long_as_the_call_and_inside_the_notice_and_until()
    {
        Cases.Sample(c =>
        {
            var slots = SlotEngine.FreeSlots(Federal, c.Tier, c.Schedule, c.Booked, c.Request);
            for (var i = 0; i < slots.Count; i++)
            {
                Assert.Equal(c.Request.Duration, slots[i].Duration);
                Assert.True(slots[i].Start >= c.Request.Now + c.Request.MinimumNotice);
                Assert.True(slots[i].End <= c.Request.Until);
                Assert.True(i == 0 || slots[i - 1].Start + SlotRequest.Grid <= slots[i].Start);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Free_slots_are_exactly_the_grid_starts_that_is_free_accepts()
    {
        Cases.Sample(c =>
        {
            var slots = SlotEngine.FreeSlots(Federal, c.Tier, c.Schedule, c.Booked, c.Request);
            var starts = slots.Select(s => s.Start).ToHashSet();

            // Every quarter hour from now to until, checked one by one: nothing missed, nothing extra.
            var first = new DateTimeOffset(c.Request.Now.UtcTicks - (c.Request.Now.UtcTicks % GridTicks), TimeSpan.Zero);
            for (var at = first; at < c.Request.Until; at += SlotRequest.Grid)
            {
                if (!Federal.IsOpen(c.Tier, at) && !starts.Contains(at))
                {
                    continue;
                }

                Assert.Equal(starts.Contains(at), SlotEngine.IsFree(Federal, c.Tier, c.Schedule, c.Booked, c.Request, at));
            }
        }, iter: 1_000);
    }

    [Fact]
    public void Free_slots_match_a_brute_force_reference_read_from_the_definition()
    {
        Cases.Sample(c =>
        {
            var expected = new List<DateTimeOffset>();
            var earliest = c.Request.Now + c.Request.MinimumNotice;
            var first = new DateTimeOffset(c.Request.Now.UtcTicks - (c.Request.Now.UtcTicks % GridTicks), TimeSpan.Zero);
            for (var at = first; at + c.Request.Duration <= c.Request.Until; at += SlotRequest.Grid)
            {
                if (at >= earliest && WorksThroughout(c, at, at + c.Request.Duration) && !c.Booked.Any(call =>
                    call.End > call.Start && call.Start - c.Request.Buffer < at + c.Request.Duration && call.End + c.Request.Buffer > at))
                {
                    expected.Add(at);
                }
            }

            Assert.Equal(expected, SlotEngine.FreeSlots(Federal, c.Tier, c.Schedule, c.Booked, c.Request).Select(s => s.Start));
        }, iter: 500);
    }

    // Works at every second of [from, to): checked at the start, at each time-off end inside, and at the last second.
    private static bool WorksThroughout(Case c, DateTimeOffset from, DateTimeOffset to)
    {
        if (!WorksAt(Federal, c.Tier, c.Schedule, from))
        {
            return false;
        }

        var last = to.AddTicks(-1).ToWholeSecond();
        if (!WorksAt(Federal, c.Tier, c.Schedule, last) || TierCalendar.LocalDateOf(from) != TierCalendar.LocalDateOf(last))
        {
            return false;
        }

        // One day, working at both ends of it: only time off can make a hole in between.
        return !c.Schedule.TimeOff.Any(off => off.To > off.From && off.From.ToWholeSecond() < to && off.To.ToWholeSecond() > from);
    }
}
