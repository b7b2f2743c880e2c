using System.Globalization;

namespace SupportConsole.Domain.Cases;

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
