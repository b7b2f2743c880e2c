using System.Globalization;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Domain.Staffing;

/// <summary>
/// Who an escalation goes to: the engineer of the tier who can start on it first, among those under capacity; among
/// equals the lowest severity-weighted load, then the least recently assigned, then the name, then the id. The id
/// makes the order total, so the same desk state always gives the same engineer whatever order it was read in.
/// </summary>
public static class AssignmentRule
{
    // Past this many names, the "nobody" explanation says how many more instead of listing a whole desk.
    private const int NamesListed = 5;

    /// <summary>
    /// How far ahead <see cref="EngineerAvailability.EarliestStart"/> looks when building candidates. The explanation
    /// names this span ("no Tier 3 engineer works in the next 30 days"), so callers take it from here.
    /// </summary>
    public static TimeSpan LookAhead { get; } = TimeSpan.FromDays(30);

    /// <summary>How much an open escalation of a severity weighs in an engineer's load: Critical 4, High 3, Normal 2, Question 1.</summary>
    public static int Weight(CaseSeverity severity) => severity switch
    {
        CaseSeverity.Critical => 4,
        CaseSeverity.High => 3,
        CaseSeverity.Normal => 2,
        CaseSeverity.Question => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    /// <summary>
    /// Among candidates under capacity (<c>OpenEscalations &lt; Capacity</c>) with an <c>AvailableFrom</c>: the earliest
    /// <c>AvailableFrom</c> (an instant before <paramref name="now"/> counts as now, at one-second precision), then the
    /// lowest <c>WeightedLoad</c>, then the least recently assigned (never assigned first), then <c>Name</c> (ordinal,
    /// case-insensitive), then <c>Id</c> (ordinal). The explanation names the key that decided against the runner-up,
    /// or why nobody can take it yet.
    /// </summary>
    public static AssignmentDecision Choose(IReadOnlyCollection<EngineerCandidate> candidates, SupportTier tier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        now = now.ToWholeSecond();

        EngineerCandidate? best = null;
        EngineerCandidate? runnerUp = null;
        var atCapacity = 0;
        var notWorking = 0;
        foreach (var candidate in candidates)
        {
            if (candidate is null)
            {
                throw new ArgumentException("A candidate list cannot hold null.", nameof(candidates));
            }

            if (candidate.OpenEscalations >= candidate.Capacity)
            {
                atCapacity++;
            }
            else if (candidate.AvailableFrom is null)
            {
                notWorking++;
            }
            else if (best is null || Compare(candidate, best, now) < 0)
            {
                runnerUp = best;
                best = candidate;
            }
            else if (runnerUp is null || Compare(candidate, runnerUp, now) < 0)
            {
                runnerUp = candidate;
            }
        }

        return best is null
            ? new AssignmentDecision(null, Nobody(candidates, tier, atCapacity, notWorking))
            : new AssignmentDecision(best, Explain(best, runnerUp, tier, now, atCapacity, notWorking));
    }

    /// <summary>The ordering keys, in the order the rule applies them.</summary>
    private enum Key
    {
        Start,
        Load,
        LastAssigned,
        Name,
        Id,
        None,
    }

    private static int Compare(EngineerCandidate a, EngineerCandidate b, DateTimeOffset now) => Decide(a, b, now).Order;

    /// <summary>The first key on which two eligible candidates differ, and which way.</summary>
    private static (Key Key, int Order) Decide(EngineerCandidate a, EngineerCandidate b, DateTimeOffset now)
    {
        var order = StartOf(a, now).CompareTo(StartOf(b, now));
        if (order != 0)
        {
            return (Key.Start, order);
        }

        order = a.WeightedLoad.CompareTo(b.WeightedLoad);
        if (order != 0)
        {
            return (Key.Load, order);
        }

        // Never assigned sorts first: DateTimeOffset.MinValue is before any real assignment.
        order = (a.LastAssignedAt ?? DateTimeOffset.MinValue).CompareTo(b.LastAssignedAt ?? DateTimeOffset.MinValue);
        if (order != 0)
        {
            return (Key.LastAssigned, order);
        }

        order = string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        if (order != 0)
        {
            return (Key.Name, order);
        }

        order = string.CompareOrdinal(a.Id, b.Id);
        return order != 0 ? (Key.Id, order) : (Key.None, 0);
    }

    // Whole seconds, like every instant in the product, so a clock's fraction never splits "available now" in two.
    private static DateTimeOffset StartOf(EngineerCandidate candidate, DateTimeOffset now)
    {
        var from = candidate.AvailableFrom!.Value.ToWholeSecond();
        return from > now ? from : now;
    }

    private static string Explain(EngineerCandidate chosen, EngineerCandidate? runnerUp, SupportTier tier, DateTimeOffset now, int atCapacity, int notWorking)
    {
        var start = StartOf(chosen, now);
        var available = start == now ? "available now" : $"available {When(start, now)}";
        var reason = runnerUp is null
            ? OnlyOne(tier, atCapacity, notWorking)
            : Decide(chosen, runnerUp, now).Key switch
            {
                Key.Start when start == now => "the only one available now",
                Key.Start => "first to start",
                Key.Load => "lowest load",
                Key.LastAssigned when chosen.LastAssignedAt is null => "equal load, never assigned before",
                Key.LastAssigned => "equal load, least recently assigned",
                Key.Name => "equal load and last assignment, first by name",
                _ => "equal load, last assignment and name, first by id",
            };

        return $"{NameOf(chosen)}: {available}, {OpenEscalations(chosen.OpenEscalations)}, {reason}";
    }

    private static string OnlyOne(SupportTier tier, int atCapacity, int notWorking) => (atCapacity > 0, notWorking > 0) switch
    {
        (false, false) => $"the only {tier.DisplayName()} engineer",
        (true, false) => $"the only {tier.DisplayName()} engineer under capacity",
        (false, true) => $"the only {tier.DisplayName()} engineer working in {NextDays()}",
        (true, true) => $"the only {tier.DisplayName()} engineer under capacity and working in {NextDays()}",
    };

    private static string Nobody(IReadOnlyCollection<EngineerCandidate> candidates, SupportTier tier, int atCapacity, int notWorking)
    {
        if (atCapacity == 0 && notWorking == 0)
        {
            return $"Nobody yet: there is no {tier.DisplayName()} engineer; it is assigned when one is added";
        }

        if (notWorking == 0)
        {
            return $"Nobody yet: every {tier.DisplayName()} engineer is at capacity ({List(candidates, true)}); it is assigned when one frees up";
        }

        if (atCapacity == 0)
        {
            return $"Nobody yet: no {tier.DisplayName()} engineer works in {NextDays()}";
        }

        return $"Nobody yet: every {tier.DisplayName()} engineer is at capacity ({List(candidates, true)}) or does not work in {NextDays()} ({List(candidates, false)}); it is assigned when one can take it";
    }

    /// <summary>"Bea Baker 8/8, Carl 8/8" (at capacity) or "Dan, Eve" (not working), by name, at most a few then "and N more".</summary>
    private static string List(IReadOnlyCollection<EngineerCandidate> candidates, bool atCapacity)
    {
        var group = candidates
            .Where(c => (c.OpenEscalations >= c.Capacity) == atCapacity)
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var shown = group.Take(NamesListed).Select(c => atCapacity
            ? string.Create(CultureInfo.InvariantCulture, $"{NameOf(c)} {c.OpenEscalations}/{c.Capacity}")
            : NameOf(c));
        var text = string.Join(", ", shown);
        return group.Count > NamesListed ? $"{text} and {group.Count - NamesListed} more" : text;
    }

    /// <summary>"Mon 09:00 CST" within the coming week; with the date beyond it, where a weekday alone would mislead.</summary>
    private static string When(DateTimeOffset at, DateTimeOffset now)
    {
        var local = TierCalendar.ToCentral(at);
        var format = TierCalendar.LocalDateOf(at).DayNumber - TierCalendar.LocalDateOf(now).DayNumber < 7 ? "ddd HH:mm" : "ddd yyyy-MM-dd HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture) + " " + TierCalendar.ZoneAbbreviation(at);
    }

    private static string OpenEscalations(int count) => count switch
    {
        <= 0 => "no open escalations",
        1 => "1 open escalation",
        _ => string.Create(CultureInfo.InvariantCulture, $"{count} open escalations"),
    };

    private static string NameOf(EngineerCandidate candidate) =>
        string.IsNullOrWhiteSpace(candidate.Name) ? candidate.Id : candidate.Name;

    private static string NextDays() => string.Create(CultureInfo.InvariantCulture, $"the next {LookAhead.TotalDays:0} days");
}
