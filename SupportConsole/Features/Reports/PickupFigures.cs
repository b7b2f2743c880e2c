using SupportConsole.Domain.Calendar;

namespace SupportConsole.Features.Reports;

/// <summary>
/// The Tier 2-3 pickup clock of escalations, by the same rules as first responses: escalations whose pickup is due in the
/// range (Central date), met = picked up at or before due, missed = picked up after due or not picked up and due passed
/// (handed back or not), pending = not picked up and due ahead.
/// </summary>
public sealed record PickupFigures(SupportTier Tier, long Due, long Met, long Missed, long Pending, double? Compliance);
