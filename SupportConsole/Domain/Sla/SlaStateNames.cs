namespace SupportConsole.Domain.Sla;

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
