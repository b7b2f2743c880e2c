using BenchmarkDotNet.Attributes;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Calls;
using SupportConsole.Domain.Staffing;
using SupportConsole.Features.Calendar;

namespace SupportConsole.Benchmarks;

/// <summary>
/// Call slots as the booking page asks for them: every Tier 2 engineer's free 30-minute slots over the next 10
/// business days (federal holidays, 10-minute buffer, an hour's notice), for a desk of 50 engineers with varied
/// hours, a few booked calls and some time off each; and the single check that settles one booking.
/// </summary>
[MemoryDiagnoser]
public class FreeSlotsBenchmarks
{
    private const int EngineerCount = 50;

    private TierCalendar calendar = null!;
    private EngineerSchedule[] schedules = [];
    private BookedCall[][] booked = [];
    private SlotRequest request = null!;
    private DateTimeOffset proposed;

    [GlobalSetup]
    public void Setup()
    {
        calendar = TierCalendar.Default(Enumerable.Range(2026, 2).SelectMany(HolidayBook.FederalHolidays).DistinctBy(h => h.Date));
        var now = new DateTimeOffset(2026, 2, 10, 14, 7, 31, TimeSpan.Zero); // Tue 08:07 CST; the span crosses Presidents' Day
        var until = SlotEngine.UntilAfterBusinessDays(calendar, now, 10);
        request = new SlotRequest(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(60), now, until);

        var random = new Random(2026);
        var span = (until - now).TotalSeconds;
        schedules = new EngineerSchedule[EngineerCount];
        booked = new BookedCall[EngineerCount][];
        for (var e = 0; e < EngineerCount; e++)
        {
            // Two in three work the whole window; the rest keep part-time hours on some days.
            var hours = WeeklyHours.WholeWindow(BusinessHours.Tier23Default);
            if (e % 3 == 2)
            {
                var days = new Dictionary<string, string[]>();
                foreach (var day in (string[])["mon", "tue", "wed", "thu", "fri"])
                {
                    if (random.Next(4) > 0)
                    {
                        var open = 9 + random.Next(3);
                        days[day] = [$"{open:00}:{15 * random.Next(4):00}", $"{open + 3 + random.Next(3):00}:00"];
                    }
                }

                WeeklyHours.TryParse(days, BusinessHours.Tier23Default, out var parsed, out _);
                hours = parsed ?? hours;
            }

            var timeOff = Enumerable.Range(0, random.Next(1, 3))
                .Select(_ => now.AddSeconds(random.NextDouble() * span))
                .Select(from => new TimeOff(from, from.AddHours(2 + random.Next(40)), "leave"))
                .ToArray();
            schedules[e] = new EngineerSchedule(hours, timeOff);

            booked[e] = [.. Enumerable.Range(0, 4 + random.Next(5))
                .Select(_ => now.AddSeconds(random.NextDouble() * span))
                .Select(start => new DateTimeOffset(start.Ticks - (start.Ticks % (TimeSpan.TicksPerMinute * 15)), TimeSpan.Zero))
                .Select(start => new BookedCall(start, start.AddMinutes(30 + (15 * random.Next(3)))))];
        }

        proposed = SlotEngine.FreeSlots(calendar, SupportTier.Tier2, schedules[0], booked[0], request)[^1].Start;
    }

    [Benchmark(Description = "FreeSlots: 50 engineers x 10 business days")]
    public int FreeSlotsForTheDesk()
    {
        var total = 0;
        for (var e = 0; e < schedules.Length; e++)
        {
            total += SlotEngine.FreeSlots(calendar, SupportTier.Tier2, schedules[e], booked[e], request).Count;
        }

        return total;
    }

    [Benchmark(Description = "IsFree: settle one booking")]
    public bool SettleOneBooking() => SlotEngine.IsFree(calendar, SupportTier.Tier2, schedules[0], booked[0], request, proposed);
}
