namespace SupportConsole.Domain.Sla;

/// <summary>Where a case stands against its first-response commitment; derived from instants, never stored.</summary>
public enum SlaState
{
    /// <summary>No commitment (standard queue without a configured target).</summary>
    None = 0,

    /// <summary>Arrived while Tier 1 was closed; the clock has not started.</summary>
    Pending = 1,

    /// <summary>Counting, not yet at risk.</summary>
    Running = 2,

    /// <summary>Within the at-risk lead of due, due itself included.</summary>
    AtRisk = 3,

    /// <summary>Past due without a first response.</summary>
    Breached = 4,

    /// <summary>First response at or before due.</summary>
    Met = 5,

    /// <summary>First response after due.</summary>
    MetLate = 6,
}

public static class SlaStateNames
{
    /// <summary>The state's name in the API, e.g. <c>at-risk</c>.</summary>
    public static string ToApiName(this SlaState state) => state switch
    {
        SlaState.Pending => "pending",
        SlaState.Running => "running",
        SlaState.AtRisk => "at-risk",
        SlaState.Breached => "breached",
        SlaState.Met => "met",
        SlaState.MetLate => "met-late",
        _ => "none",
    };

    public static bool TryParseApiName(string? value, out SlaState state)
    {
        foreach (var candidate in Enum.GetValues<SlaState>())
        {
            if (string.Equals(candidate.ToApiName(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>How the state reads on a page.</summary>
    public static string DisplayName(this SlaState state) => state switch
    {
        SlaState.Pending => "Pending",
        SlaState.Running => "Running",
        SlaState.AtRisk => "At risk",
        SlaState.Breached => "Breached",
        SlaState.Met => "Met",
        SlaState.MetLate => "Met late",
        _ => "No commitment",
    };
}
