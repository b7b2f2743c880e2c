using System.Globalization;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Domain.Cases;

/// <summary>What take-next needs to know about an open Tier 1 case.</summary>
public sealed record TakeNextCandidate(
    long Id,
    long Number,
    CaseQueue Queue,
    CaseSeverity Severity,
    long ArrivalSequence,
    DateTimeOffset ReceivedAt,
    bool AwaitingFirstResponse,
    bool Unclaimed);

/// <summary>
/// A manager's exception to the default order: standard cases of severity <see cref="StandardAtMost"/> or worse go
/// ahead of priority cases of severity <see cref="PriorityAtLeast"/> or milder (e.g. a severity 1 standard case
/// before severity 3–4 priority cases). Priority cases more severe than that still come first.
/// </summary>
public sealed record SeverityException(CaseSeverity StandardAtMost, CaseSeverity PriorityAtLeast)
{
    /// <summary>How it is stored in the desk settings: <c>standard&lt;=1;priority&gt;=3</c>.</summary>
    public string ToSetting() => string.Create(CultureInfo.InvariantCulture, $"standard<={(int)StandardAtMost};priority>={(int)PriorityAtLeast}");

    public static bool TryParse(string? text, out SeverityException? exception)
    {
        exception = null;
        var parts = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Split(';');
        if (parts.Length != 2
            || !parts[0].StartsWith("standard<=", StringComparison.OrdinalIgnoreCase)
            || !parts[1].StartsWith("priority>=", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(parts[0]["standard<=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var standard)
            || !int.TryParse(parts[1]["priority>=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var priority)
            || !CaseSeverityNames.TryFromNumber(standard, out var standardSeverity)
            || !CaseSeverityNames.TryFromNumber(priority, out var prioritySeverity))
        {
            return false;
        }
        exception = new SeverityException(standardSeverity, prioritySeverity);
        return true;
    }

    /// <summary>"a standard case of severity 1 goes ahead of priority cases of severity 3–4".</summary>
    public string Describe() =>
        $"a standard case of severity {Range(1, (int)StandardAtMost)} goes ahead of priority cases of severity {Range((int)PriorityAtLeast, 4)}";

    private static string Range(int from, int to) =>
        from == to ? from.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{from}–{to}");
}

/// <summary>The case take-next chose and why, in words an agent reads.</summary>
public sealed record TakeNextChoice(TakeNextCandidate Case, string Reason);

/// <summary>
/// Which case "Take next" claims. Only unclaimed cases awaiting a first response are candidates. By default the
/// oldest (lowest arrival sequence) priority candidate, then the oldest standard one. With a
/// <see cref="SeverityException"/>, the order is: priority cases more severe than the exception's priority range,
/// then the standard cases the exception lifts, then the remaining priority cases, then the remaining standard cases;
/// arrival order within each band.
/// </summary>
public static class TakeNextRule
{
    public const string DefaultText = "Take next claims the oldest unclaimed priority case awaiting a first response, then the oldest unclaimed standard one (arrival order).";

    /// <summary>The rule as shown next to the Take next button.</summary>
    public static string Describe(SeverityException? exception) =>
        exception is null ? DefaultText : $"{DefaultText} Exception: {exception.Describe()}.";

    public static TakeNextChoice? Choose(IEnumerable<TakeNextCandidate> candidates, SeverityException? exception)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        TakeNextCandidate? best = null;
        var bestBand = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (!candidate.Unclaimed || !candidate.AwaitingFirstResponse)
            {
                continue;
            }
            var band = BandOf(candidate, exception);
            if (band < bestBand || (band == bestBand && candidate.ArrivalSequence < best!.ArrivalSequence))
            {
                best = candidate;
                bestBand = band;
            }
        }
        return best is null ? null : new TakeNextChoice(best, Explain(best, bestBand, exception));
    }

    /// <summary>The order of bands: 0 priority (not overtaken), 1 standard lifted by the exception, 2 priority overtaken, 3 standard.</summary>
    private static int BandOf(TakeNextCandidate candidate, SeverityException? exception)
    {
        if (candidate.Queue == CaseQueue.Priority)
        {
            return exception is not null && candidate.Severity >= exception.PriorityAtLeast ? 2 : 0;
        }
        return exception is not null && candidate.Severity <= exception.StandardAtMost ? 1 : 3;
    }

    private static string Explain(TakeNextCandidate chosen, int band, SeverityException? exception)
    {
        var arrived = $"arrived {ShortCentral(chosen.ReceivedAt)}";
        return band switch
        {
            0 or 2 => $"Oldest unclaimed priority case awaiting a first response ({arrived}).",
            1 => $"Severity exception: {exception!.Describe()}; this is the oldest such case ({arrived}, severity {(int)chosen.Severity}).",
            _ => $"No unclaimed priority case awaits a first response: oldest unclaimed standard case awaiting one ({arrived}).",
        };
    }

    /// <summary>"Tue 09:14 CST".</summary>
    public static string ShortCentral(DateTimeOffset at) =>
        TierCalendar.ToCentral(at).ToString("ddd HH:mm", CultureInfo.InvariantCulture) + " " + TierCalendar.ZoneAbbreviation(at);
}
