using System.Globalization;
using NodaTime;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Plans;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Features.Calendar;

/// <summary>What the SLA calculator shows for one arrival and plan; built by <see cref="Compute"/>, no clock or I/O.</summary>
public sealed record SlaCalculation(
    DateTimeOffset ReceivedAt,
    SupportPlan Plan,
    string? WallTimeNote,
    bool Tier1OpenAtArrival,
    DateTimeOffset ClockStartsAt,
    DateTimeOffset? AtRiskAt,
    DateTimeOffset? DueAt,
    TimeSpan CountedTime,
    IReadOnlyList<TimelineSegment> Segments)
{
    public const string OutOfRangeMessage = "Choose an arrival date between 2000-01-01 and 2100-12-31: the business calendar covers only those Central dates.";
    public const string NoCommitmentMessage = "No first-response commitment on Free Support (standard queue); age is still measured in Tier 1 business time.";

    public bool HasCommitment => DueAt is not null;

    /// <summary>The calculation for an arrival at a Central wall time, or an error message a person can act on.</summary>
    public static (SlaCalculation? Result, string? Error) Compute(TierCalendar calendar, SlaPolicies policies, DateOnly date, TimeOnly time, SupportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policies);
        if (CentralArrival.Resolve(date, time) is not { } arrival || !TierCalendar.Covers(arrival.Instant))
        {
            return (null, OutOfRangeMessage);
        }

        try
        {
            var received = arrival.Instant;
            var deadline = FirstResponseDeadline.Compute(calendar, policies.For(plan), received);
            var segments = deadline.DueAt is { } due ? DeadlineExplanation.Explain(calendar, received, due).Segments : [];
            var counted = segments.Where(s => s.IsCounted).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
            return (new SlaCalculation(received, plan, arrival.Note, calendar.IsOpen(SupportTier.Tier1, received),
                deadline.ClockStartsAt, deadline.AtRiskAt, deadline.DueAt, counted, segments), null);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, "The deadline would fall after 2100-12-31, past the end of the business calendar. Choose an earlier arrival.");
        }
    }

    /// <summary>An instant in an IANA zone, e.g. "Wed 2026-11-25 15:00:00 EST"; UTC when the zone is unknown.</summary>
    public static string FormatIn(DateTimeOffset at, string? zoneId)
    {
        var zone = (zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)) ?? DateTimeZone.Utc;
        var zoned = Instant.FromUnixTimeSeconds(at.ToUnixTimeSeconds()).InZone(zone);
        return zoned.LocalDateTime.ToDateTimeUnspecified().ToString("ddd yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + zoned.GetZoneInterval().Name;
    }
}
