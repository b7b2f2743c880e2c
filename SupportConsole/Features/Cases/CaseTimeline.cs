using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Cases;

/// <summary>
/// A case's life in order: received and routed, SLA at-risk and breach, first response, escalations and assignments,
/// calls, status changes. Read from the case's facts, its SLA events and the events the desk wrote with a timeline kind.
/// </summary>
public sealed class CaseTimeline(IDbContextFactory<SupportConsoleDbContext> dbFactory)
{
    public async Task<IReadOnlyList<TimelineEntryDto>?> ForCaseAsync(long number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supportCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (supportCase is null)
        {
            return null;
        }
        var entries = new List<(DateTimeOffset At, int Order, TimelineEntryDto Entry)>
        {
            (supportCase.ReceivedAt, 0, new TimelineEntryDto(ApiFormat.Instant(supportCase.ReceivedAt), "received", supportCase.FromAddress, $"{supportCase.Channel.ToApiName()}: {supportCase.Subject}")),
            (supportCase.ReceivedAt, 1, new TimelineEntryDto(ApiFormat.Instant(supportCase.ReceivedAt), "routed", null, $"{supportCase.Queue.ToApiName()} queue: {supportCase.RoutingReason}")),
        };
        foreach (var e in await db.SlaEvents.AsNoTracking().Where(e => e.CaseId == supportCase.Id).ToListAsync(cancellationToken))
        {
            var kind = e.Kind == SlaEventKind.AtRisk ? "at-risk" : "breached";
            entries.Add((e.ThresholdAtUtc.AsInstant(), 2, new TimelineEntryDto(ApiFormat.Instant(e.ThresholdAtUtc.AsInstant()), kind, null, $"first response {kind}")));
        }
        var events = await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == supportCase.Id && e.Event != null).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        foreach (var e in events)
        {
            entries.Add((e.AtUtc.AsInstant(), 3, new TimelineEntryDto(ApiFormat.Instant(e.AtUtc.AsInstant()), e.Event!, ByOf(e.Body), e.Body)));
        }
        if (supportCase.FirstRespondedAt is { } responded && events.All(e => e.Event != "first-response"))
        {
            // Answered on arrival (a phone call) or imported: the fact is on the case, not in an event.
            entries.Add((responded, 3, new TimelineEntryDto(ApiFormat.Instant(responded), "first-response", null, "first response recorded")));
        }
        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Order).Select(e => e.Entry)];
    }

    /// <summary>The desk writes events as "Name did something"; the name is who did it.</summary>
    private static string? ByOf(string body)
    {
        foreach (var verb in new[] { " claimed", " released", " assigned", " escalated", " set the", " changed", " picked up", " handed", " booked", " moved", " cancelled", " mailed" })
        {
            var at = body.IndexOf(verb, StringComparison.Ordinal);
            if (at > 0)
            {
                return body[..at];
            }
        }
        return body.StartsWith("First response by ", StringComparison.Ordinal) ? body["First response by ".Length..].Split(':', '.')[0] : null;
    }
}
