namespace SupportConsole.Domain.Cases;

/// <summary>How badly the customer is hurt; the number is what customers and the API use (1 is worst).</summary>
public enum Severity
{
    Critical = 1,
    High = 2,
    Normal = 3,
    Question = 4,
}

public static class SeverityNames
{
    /// <summary>The plain-language hint shown next to the choice, e.g. "1 – Critical: production down, no workaround".</summary>
    public static string Hint(this Severity severity) => severity switch
    {
        Severity.Critical => "1 – Critical: production down, no workaround",
        Severity.High => "2 – High: major feature broken or degraded, workaround hard",
        Severity.Normal => "3 – Normal: partial loss of non-critical function",
        Severity.Question => "4 – Question: how-to, information or feature request",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    public static string DisplayName(this Severity severity) => severity switch
    {
        Severity.Critical => "Critical",
        Severity.High => "High",
        Severity.Normal => "Normal",
        Severity.Question => "Question",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    /// <summary>The severity for its number 1–4 (as in the API and the case form); anything else is refused.</summary>
    public static bool TryFromNumber(int number, out Severity severity)
    {
        if (number is >= 1 and <= 4)
        {
            severity = (Severity)number;
            return true;
        }

        severity = default;
        return false;
    }
}
