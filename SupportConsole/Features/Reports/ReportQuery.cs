using SupportConsole.Domain.Reports;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Reports;

/// <summary>
/// The query of the report's addresses (<c>from</c>, <c>to</c>, <c>groupBy</c>, and for a drill-down <c>key</c> and
/// <c>outcome</c>), read once for the API and the page's downloads. Dates are US/Central, <c>to</c> exclusive; without
/// them the range is the last 30 days.
/// </summary>
public sealed record ReportQuery(ReportRange Range, ReportGrouping Grouping, string? Key, SlaOutcome? Outcome)
{
    public static ReportQuery? Parse(HttpRequest request, DateOnly today, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        errors = [];
        var query = request.Query;
        var fallback = ReportRange.For(ReportPeriod.Last30Days, today);
        var from = fallback.From;
        var to = fallback.To;
        if (query["from"].FirstOrDefault() is { } fromText && !ApiFormat.TryParseDate(fromText, out from, out var fromError))
        {
            errors["from"] = [fromError!];
        }
        if (query["to"].FirstOrDefault() is { } toText && !ApiFormat.TryParseDate(toText, out to, out var toError))
        {
            errors["to"] = [toError!];
        }
        if (errors.Count == 0 && to <= from)
        {
            errors["to"] = ["to is exclusive and must be after from."];
        }
        else if (errors.Count == 0 && to.DayNumber - from.DayNumber > ReportRange.MaxDays)
        {
            errors["to"] = [$"A report covers at most {ReportRange.MaxDays} days."];
        }
        var grouping = ReportGrouping.None;
        if (query["groupBy"].FirstOrDefault() is { Length: > 0 } groupText && !ReportGroupingNames.TryParseApiName(groupText, out grouping))
        {
            errors["groupBy"] = ["groupBy is queue, severity, customer, agent, channel or week."];
        }
        SlaOutcome? outcome = null;
        if (query["outcome"].FirstOrDefault() is { Length: > 0 } outcomeText)
        {
            if (SlaOutcomeNames.TryParseApiName(outcomeText, out var parsed))
            {
                outcome = parsed;
            }
            else
            {
                errors["outcome"] = ["outcome is met, missed or pending."];
            }
        }
        var key = query.ContainsKey("key") ? query["key"].FirstOrDefault() ?? "" : null;
        return errors.Count == 0 ? new ReportQuery(new ReportRange(from, to), grouping, key, outcome) : null;
    }

    /// <summary>The query string that gives this report (for links and downloads).</summary>
    public string ToQueryString()
    {
        var parts = new List<string> { $"from={ApiFormat.Date(Range.From)}", $"to={ApiFormat.Date(Range.To)}" };
        if (Grouping != ReportGrouping.None)
        {
            parts.Add($"groupBy={Grouping.ToApiName()}");
        }
        if (Key is not null)
        {
            parts.Add($"key={Uri.EscapeDataString(Key)}");
        }
        if (Outcome is { } outcome)
        {
            parts.Add($"outcome={outcome.ToApiName()}");
        }
        return string.Join('&', parts);
    }
}
