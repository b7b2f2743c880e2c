using BenchmarkDotNet.Attributes;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;

namespace SupportConsole.Benchmarks;

/// <summary>
/// First-response deadlines for arrivals spread over 2026–2028: the per-case cost must stay flat
/// (no allocation, no growth with the holiday count), and a holiday edit must rebuild quickly.
/// </summary>
[MemoryDiagnoser]
public class FirstResponseDeadlineBenchmarks
{
    private const int Arrivals = 100_000;

    private DateTimeOffset[] arrivals = [];
    private Holiday[] federalHolidays = [];
    private TierCalendar federal = null!;
    private TierCalendar thousandHolidays = null!;
    private BusinessHours[] hourVariants = [];
    private int nextVariant;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var to = new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        arrivals = new DateTimeOffset[Arrivals];
        for (var i = 0; i < arrivals.Length; i++)
        {
            arrivals[i] = DateTimeOffset.FromUnixTimeSeconds(random.NextInt64(from, to));
        }

        // The 11 federal holidays (observed dates) of each year the arrivals span.
        federalHolidays = [.. Enumerable.Range(2026, 3).SelectMany(HolidayBook.FederalHolidays).DistinctBy(h => h.Date)];
        federal = TierCalendar.Default(federalHolidays);

        var dates = new HashSet<DateOnly>(federalHolidays.Select(h => h.Date));
        var many = new List<Holiday>(federalHolidays);
        while (many.Count < 1000)
        {
            var date = new DateOnly(2026, 1, 1).AddDays(random.Next(365 * 20));
            if (dates.Add(date))
            {
                many.Add(new Holiday(date, "Closed"));
            }
        }

        thousandHolidays = TierCalendar.Default(many);

        // More hour sets than the calendar keeps tables for, so every Create_with_new_hours builds from scratch.
        hourVariants = [.. Enumerable.Range(0, 8).Select(i => new BusinessHours(new TimeOnly(6, i), new TimeOnly(18, i)))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Arrivals)]
    public long Compute_with_federal_holidays() => ComputeAll(federal);

    [Benchmark(OperationsPerInvoke = Arrivals)]
    public long Compute_with_1000_holidays() => ComputeAll(thousandHolidays);

    /// <summary>What a holiday edit costs: same hours, new holiday list.</summary>
    [Benchmark]
    public TierCalendar Create_after_holiday_edit() => TierCalendar.Default(federalHolidays);

    /// <summary>First build for a set of hours: maps every day's window through the tzdb.</summary>
    [Benchmark]
    public TierCalendar Create_with_new_hours()
    {
        var hours = hourVariants[nextVariant++ % hourVariants.Length];
        return TierCalendar.Create(hours, BusinessHours.Tier23Default, federalHolidays);
    }

    private long ComputeAll(TierCalendar calendar)
    {
        var policy = SlaPolicy.ProPlusDefault;
        long checksum = 0;
        foreach (var arrival in arrivals)
        {
            var deadline = FirstResponseDeadline.Compute(calendar, policy, arrival);
            checksum += deadline.DueAt.GetValueOrDefault().UtcTicks ^ deadline.AtRiskAt.GetValueOrDefault().UtcTicks;
        }

        return checksum;
    }

}
