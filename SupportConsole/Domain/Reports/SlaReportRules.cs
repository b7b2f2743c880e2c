using SupportConsole.Domain.Calendar;

namespace SupportConsole.Domain.Reports;

/// <summary>
/// The one definition of the SLA report, written down in the README and the API reference, and shared by the reports
/// page, the dashboard tiles and <c>GET /api/reports/sla</c> (whose SQL follows these rules and is tested against them):
/// a case belongs to a range by the US/Central date of its first-response due instant; met = responded at or before
/// due; missed = responded after due, or not responded and due has passed, whatever the status; pending = not
/// responded and due still ahead; compliance = met / (met + missed). Response time is Tier 1 business seconds from
/// clock start to first response; percentiles are nearest-rank.
/// </summary>
public static class SlaReportRules
{
    /// <summary>The outcome of a case due at <paramref name="dueAt"/> at <paramref name="now"/>, compared at whole seconds.</summary>
    public static SlaOutcome Classify(DateTimeOffset dueAt, DateTimeOffset? firstRespondedAt, DateTimeOffset now)
    {
        var due = dueAt.ToUnixTimeSeconds();
        if (firstRespondedAt is { } responded)
        {
            return responded.ToUnixTimeSeconds() <= due ? SlaOutcome.Met : SlaOutcome.Missed;
        }
        return now.ToUnixTimeSeconds() > due ? SlaOutcome.Missed : SlaOutcome.Pending;
    }

    /// <summary>The Central date a case is reported under: that of its first-response due instant.</summary>
    public static DateOnly ReportDateOf(DateTimeOffset dueAt) => TierCalendar.LocalDateOf(dueAt);

    /// <summary>Whether a case due at <paramref name="dueAt"/> belongs to the Central date range [from, to).</summary>
    public static bool InRange(DateTimeOffset dueAt, DateOnly from, DateOnly toExclusive) =>
        ReportDateOf(dueAt) is var date && date >= from && date < toExclusive;

    /// <summary>The instant a Central date begins (midnight local; 23 or 25 hours after the day before across DST).</summary>
    public static DateTimeOffset StartOfCentralDay(DateOnly date) =>
        DateTimeOffset.FromUnixTimeSeconds(TierCalendar.CentralZone.AtStartOfDay(new NodaTime.LocalDate(date.Year, date.Month, date.Day)).ToInstant().ToUnixTimeSeconds());

    /// <summary>The Monday starting the report week of a Central date.</summary>
    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>met / (met + missed) as a fraction from 0 to 1; null when nothing was met or missed.</summary>
    public static double? Compliance(long met, long missed) => met + missed == 0 ? null : (double)met / (met + missed);

    /// <summary>
    /// The 1-based nearest rank of the <paramref name="percent"/>-th percentile among <paramref name="count"/> values:
    /// ⌈percent·count/100⌉ in integer arithmetic, the same expression the report's SQL uses.
    /// </summary>
    public static long NearestRank(int percent, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return count <= 0 ? 0 : ((percent * count) + 99) / 100;
    }

    /// <summary>The nearest-rank percentile of values sorted ascending; null when there are none.</summary>
    public static long? Percentile(IReadOnlyList<long> sortedAscending, int percent)
    {
        ArgumentNullException.ThrowIfNull(sortedAscending);
        return sortedAscending.Count == 0 ? null : sortedAscending[(int)NearestRank(percent, sortedAscending.Count) - 1];
    }

    /// <summary>
    /// The response time the report counts: Tier 1 business seconds from clock start to the first response (zero when
    /// the response came before the clock started, as a phone call answered on arrival does).
    /// </summary>
    public static long ResponseBusinessSeconds(TierCalendar calendar, DateTimeOffset clockStartsAt, DateTimeOffset firstRespondedAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.BusinessSecondsBetween(SupportTier.Tier1, clockStartsAt.ToUnixTimeSeconds(), firstRespondedAt.ToUnixTimeSeconds());
    }
}
