using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;
using static SupportConsole.Tests.Domain.Calendar.Calendars;

namespace SupportConsole.Tests.Domain.Calendar;

[CollectionDefinition("Process-wide time zone", DisableParallelization = true)]
public sealed class ProcessWideTimeZoneCollection;

/// <summary>Changes the machine's zone for the process, so it runs alone.</summary>
[Collection("Process-wide time zone")]
public sealed class TimeZoneIndependenceTests
{
    [Fact]
    public void Answers_do_not_change_when_the_machine_is_in_tokyo()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "TZ switches TimeZoneInfo.Local only on Unix.");
        var arrivals = Enumerable.Range(0, 500).Select(i => Utc("2026-01-01T00:00:00Z").AddSeconds(i * 187_531L)).ToArray();
        var here = Answers(arrivals);

        var previous = Environment.GetEnvironmentVariable("TZ");
        var previousId = TimeZoneInfo.Local.Id;
        try
        {
            Environment.SetEnvironmentVariable("TZ", previousId == "Asia/Tokyo" ? "Europe/Lisbon" : "Asia/Tokyo");
            TimeZoneInfo.ClearCachedData();
            Assert.NotEqual(previousId, TimeZoneInfo.Local.Id);

            // A fresh snapshot, so nothing cached before the switch hides a dependency.
            Assert.Equal(here, Answers(arrivals));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }
    }

    private static string[] Answers(DateTimeOffset[] arrivals)
    {
        var calendar = TierCalendar.Default([new Holiday(new DateOnly(2026, 11, 26), "Thanksgiving Day")]);
        return arrivals.Select(arrival =>
        {
            var deadline = FirstResponseDeadline.Compute(calendar, SlaPolicy.ProPlusDefault, arrival);
            return string.Join(
                "|",
                deadline.ClockStartsAt.ToUnixTimeSeconds(),
                deadline.DueAt!.Value.ToUnixTimeSeconds(),
                TierCalendar.FormatCentral(deadline.DueAt.Value),
                TierCalendar.LocalDateOf(arrival),
                calendar.NextOpening(SupportTier.Tier2, arrival).ToUnixTimeSeconds());
        }).ToArray();
    }
}
