namespace SupportConsole.Domain.Cases;

public static class CaseSeverityNames
{
    /// <summary>The plain-language hint shown next to the choice, e.g. "1 – Critical: production down, no workaround".</summary>
    public static string Hint(this CaseSeverity severity) => severity switch
    {
        CaseSeverity.Critical => "1 – Critical: production down, no workaround",
        CaseSeverity.High => "2 – High: major feature broken or degraded, workaround hard",
        CaseSeverity.Normal => "3 – Normal: partial loss of non-critical function",
        CaseSeverity.Question => "4 – Question: how-to, information or feature request",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    public static string DisplayName(this CaseSeverity severity) => severity switch
    {
        CaseSeverity.Critical => "Critical",
        CaseSeverity.High => "High",
        CaseSeverity.Normal => "Normal",
        CaseSeverity.Question => "Question",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    /// <summary>The severity for its number 1–4 (as in the API and the case form); anything else is refused.</summary>
    public static bool TryFromNumber(int number, out CaseSeverity severity)
    {
        if (number is >= 1 and <= 4)
        {
            severity = (CaseSeverity)number;
            return true;
        }

        severity = default;
        return false;
    }
}
