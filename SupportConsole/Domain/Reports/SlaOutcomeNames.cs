namespace SupportConsole.Domain.Reports;

public static class SlaOutcomeNames
{
    /// <summary>The outcome's name in the API and in CSV: <c>met</c>, <c>missed</c>, <c>pending</c>.</summary>
    public static string ToApiName(this SlaOutcome outcome) => outcome switch
    {
        SlaOutcome.Met => "met",
        SlaOutcome.Missed => "missed",
        SlaOutcome.Pending => "pending",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    public static bool TryParseApiName(string? value, out SlaOutcome outcome)
    {
        foreach (var candidate in Enum.GetValues<SlaOutcome>())
        {
            if (string.Equals(candidate.ToApiName(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                outcome = candidate;
                return true;
            }
        }
        outcome = default;
        return false;
    }
}
