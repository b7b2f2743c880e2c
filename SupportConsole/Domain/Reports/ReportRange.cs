namespace SupportConsole.Domain.Reports;

/// <summary>A range of US/Central dates, <see cref="From"/> included and <see cref="To"/> excluded, as the API's <c>from</c> and <c>to</c>.</summary>
public readonly record struct ReportRange(DateOnly From, DateOnly To)
{
    /// <summary>The longest range a report covers (about five years), so one request cannot ask for a century.</summary>
    public const int MaxDays = 1900;

    public int Days => To.DayNumber - From.DayNumber;

    public bool Contains(DateOnly date) => date >= From && date < To;

    /// <summary>
    /// A preset ending today (Central) inclusive: the last 7, 30 or 90 days; this quarter runs from its first day to the
    /// first day of the next one, so cases still pending this quarter count.
    /// </summary>
    public static ReportRange For(ReportPeriod period, DateOnly today) => period switch
    {
        ReportPeriod.Last7Days => new(today.AddDays(-6), today.AddDays(1)),
        ReportPeriod.Last30Days => new(today.AddDays(-29), today.AddDays(1)),
        ReportPeriod.Last90Days => new(today.AddDays(-89), today.AddDays(1)),
        ReportPeriod.ThisQuarter => Quarter(today),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "A custom range names its own dates."),
    };

    private static ReportRange Quarter(DateOnly today)
    {
        var first = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return new(first, first.AddMonths(3));
    }
}
