using CsCheck;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Staffing;
using static SupportConsole.Tests.Domain.Staffing.ScheduleGen;

namespace SupportConsole.Tests.Domain.Staffing;

/// <summary>Working windows and earliest starts against the definition, over random schedules 2026–2030 with federal holidays.</summary>
public sealed class EngineerAvailabilityPropertyTests
{
    private const int Days = 12;

    // A start, a random schedule around it, and 40 probe offsets into the span.
    private static readonly Gen<(DateTimeOffset From, EngineerSchedule Schedule, long[] Probes)> Cases =
        Starts.SelectMany(from => Gen.Select(Schedules(from, Days), Gen.Long[0, Days * 86_400L].Array[40], (schedule, probes) => (from, schedule, probes)));

    [Fact]
    public void An_instant_is_inside_a_working_window_exactly_when_the_definition_says_the_engineer_works()
    {
        Cases.Sample(c =>
        {
            var to = c.From.AddDays(Days);
            var windows = EngineerAvailability.WorkingWindows(Federal, SupportTier.Tier2, c.Schedule, c.From, to);

            // Random instants, and each window's edges where an off-by-one would show.
            var probes = c.Probes.Select(p => c.From.AddSeconds(p))
                .Concat(windows.SelectMany(w => (DateTimeOffset[])[w.Start.AddSeconds(-1), w.Start, w.End.AddSeconds(-1), w.End]))
                .Where(at => at >= c.From && at < to);
            foreach (var at in probes)
            {
                var inside = windows.Any(w => at >= w.Start && at < w.End);
                Assert.True(WorksAt(Federal, SupportTier.Tier2, c.Schedule, at) == inside, $"{at:O}: definition and windows disagree");
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Working_windows_are_ordered_merged_in_range_and_in_utc()
    {
        Cases.Sample(c =>
        {
            var to = c.From.AddDays(Days);
            var windows = EngineerAvailability.WorkingWindows(Federal, SupportTier.Tier3, c.Schedule, c.From, to);

            for (var i = 0; i < windows.Count; i++)
            {
                Assert.True(windows[i].Start < windows[i].End);
                Assert.True(windows[i].Start >= c.From && windows[i].End <= to);
                Assert.Equal(TimeSpan.Zero, windows[i].Start.Offset);
                Assert.Equal(TimeSpan.Zero, windows[i].End.Offset);
                if (i > 0)
                {
                    Assert.True(windows[i - 1].End < windows[i].Start, "touching windows are merged");
                }
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Earliest_start_is_the_start_of_the_first_working_window_in_the_horizon()
    {
        Gen.Select(Cases, Gen.Long[0, Days * 86_400L]).Sample((c, horizonSeconds) =>
        {
            var horizon = TimeSpan.FromSeconds(horizonSeconds);
            var windows = EngineerAvailability.WorkingWindows(Federal, SupportTier.Tier2, c.Schedule, c.From, c.From + horizon);

            var start = EngineerAvailability.EarliestStart(Federal, SupportTier.Tier2, c.Schedule, c.From, horizon);

            Assert.Equal(windows.Count == 0 ? null : windows[0].Start, start);
            if (start is { } s)
            {
                Assert.True(WorksAt(Federal, SupportTier.Tier2, c.Schedule, s));
                Assert.True(s == c.From || !WorksAt(Federal, SupportTier.Tier2, c.Schedule, s.AddSeconds(-1)));
            }
        }, iter: 3_000);
    }
}
