using System.Globalization;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Domain.Cases;

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
