using SupportConsole.Domain.Calendar;

namespace SupportConsole.Features.Escalations;

/// <summary>One engineer on the load board: open escalations, weighted load, when they can start, calls today.</summary>
public sealed record EngineerLoad(string UserId, string Name, IReadOnlyList<SupportTier> Tiers, int Open, int Capacity, int Load, bool AvailableNow, DateTimeOffset? NextAvailableAt, int CallsToday);
