using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Staffing;
using SupportConsole.Features.Calendar;

namespace SupportConsole.Benchmarks;

/// <summary>
/// Assigning one escalation on a busy desk: 40 Tier 2 engineers holding 10,000 open escalations. The whole benchmark
/// does what the app does per escalation: the open count, severity-weighted load and last assignment per engineer
/// from the open escalations, each engineer's earliest start (hours, time off, holidays) within the look-ahead,
/// then the rule. The rule alone is measured separately, to show where the time goes.
/// </summary>
[MemoryDiagnoser]
public class AssignmentRuleBenchmarks
{
    private const int EngineerCount = 40;
    private const int OpenEscalations = 10_000;

    private TierCalendar calendar = null!;
    private DateTimeOffset now;
    private Engineer[] engineers = [];
    private OpenEscalation[] escalations = [];
    private EngineerCandidate[] candidates = [];

    [GlobalSetup]
    public void Setup()
    {
        calendar = TierCalendar.Default(Enumerable.Range(2026, 2).SelectMany(HolidayBook.FederalHolidays).DistinctBy(h => h.Date));
        now = new DateTimeOffset(2026, 2, 13, 22, 30, 0, TimeSpan.Zero); // Fri 16:30 CST, before Presidents' Day
        var random = new Random(40);

        engineers = new Engineer[EngineerCount];
        for (var e = 0; e < EngineerCount; e++)
        {
            var hours = WeeklyHours.WholeWindow(BusinessHours.Tier23Default);
            if (e % 4 == 3)
            {
                WeeklyHours.TryParse(new Dictionary<string, string[]> { ["tue"] = ["09:00", "13:00"], ["thu"] = ["12:00", "17:00"] }, BusinessHours.Tier23Default, out var partTime, out _);
                hours = partTime ?? hours;
            }

            var leaveStart = now.AddDays(random.Next(-3, 10));
            TimeOff[] timeOff = e % 5 == 0 ? [new TimeOff(leaveStart, leaveStart.AddDays(random.Next(1, 8)), "leave")] : [];

            // Capacities around the average of 250 open escalations each, so some are full and the rest compete.
            engineers[e] = new Engineer($"engineer{e:00}@example.com", $"Engineer {e:00}", 230 + random.Next(40), new EngineerSchedule(hours, timeOff));
        }

        escalations = new OpenEscalation[OpenEscalations];
        for (var i = 0; i < escalations.Length; i++)
        {
            escalations[i] = new OpenEscalation(
                engineers[random.Next(EngineerCount)].Id,
                (CaseSeverity)random.Next(1, 5),
                now.AddMinutes(-random.Next(60 * 24 * 90)));
        }

        candidates = Candidates();
    }

    [Benchmark(Description = "Assign: loads from 10,000 escalations + 40 earliest starts + rule")]
    public AssignmentDecision AssignOne() => AssignmentRule.Choose(Candidates(), SupportTier.Tier2, now);

    [Benchmark(Description = "Earliest starts only: 40 engineers")]
    public int EarliestStartsOnly()
    {
        var available = 0;
        foreach (var engineer in engineers)
        {
            available += EngineerAvailability.EarliestStart(calendar, SupportTier.Tier2, engineer.Schedule, now, AssignmentRule.LookAhead) is null ? 0 : 1;
        }

        return available;
    }

    [Benchmark(Description = "Rule only: Choose among 40 candidates")]
    public AssignmentDecision ChooseOnly() => AssignmentRule.Choose(candidates, SupportTier.Tier2, now);

    private EngineerCandidate[] Candidates()
    {
        // As the roster does: group the open escalations by assignee, count them and sum their severity weights.
        var loads = new Dictionary<string, (int Open, int Load, DateTimeOffset? Last)>(EngineerCount);
        foreach (var escalation in escalations)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(loads, escalation.AssigneeId, out _);
            entry.Open++;
            entry.Load += AssignmentRule.Weight(escalation.Severity);
            if (entry.Last is null || escalation.AssignedAt > entry.Last)
            {
                entry.Last = escalation.AssignedAt;
            }
        }

        var result = new EngineerCandidate[engineers.Length];
        for (var e = 0; e < engineers.Length; e++)
        {
            var engineer = engineers[e];
            var (open, load, last) = loads.GetValueOrDefault(engineer.Id);
            result[e] = new EngineerCandidate(
                engineer.Id,
                engineer.Name,
                EngineerAvailability.EarliestStart(calendar, SupportTier.Tier2, engineer.Schedule, now, AssignmentRule.LookAhead),
                open,
                engineer.Capacity,
                load,
                last);
        }

        return result;
    }

    private sealed record Engineer(string Id, string Name, int Capacity, EngineerSchedule Schedule);

    private sealed record OpenEscalation(string AssigneeId, CaseSeverity Severity, DateTimeOffset AssignedAt);
}
