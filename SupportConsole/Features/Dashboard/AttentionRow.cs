using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Features.Dashboard;

/// <summary>A case as the dashboard's lists read it from the database, before its state is derived.</summary>
internal sealed record AttentionRow(long Number, string Subject, string Customer, DateTime ClockStartsAtUtc, DateTime? AtRiskAtUtc, DateTime? DueAtUtc, string? AssigneeId)
{
    public AttentionCase ToCase(DateTimeOffset now, IReadOnlyDictionary<string, string> names) =>
        new(Number, Subject, Customer,
            new FirstResponseDeadline(ClockStartsAtUtc.AsInstant(), AtRiskAtUtc.AsInstant(), DueAtUtc.AsInstant()).StateAt(null, now),
            DueAtUtc.AsInstant(), AssigneeId is { } id ? names.GetValueOrDefault(id) : null);
}
