using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportConsole.Domain.Intake;

/// <summary>
/// The number customers and agents quote: "SC-" and the case's number, e.g. <c>SC-100042</c>.
/// Numbers start at <see cref="First"/> (100000) so every number has at least six digits and a tag in a subject
/// is never confused with a short number like a year or a quantity; there is no upper bound, no padding and no
/// leading zero, so each case has exactly one spelling. Parsing ignores case ("sc-100042").
/// </summary>
public static partial class CaseNumber
{
    public const string Prefix = "SC-";
    public const long First = 100_000;

    public static bool IsValid(long number) => number >= First;

    /// <summary>"SC-100042"; throws for a number below <see cref="First"/>.</summary>
    public static string Format(long number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, First);
        return Prefix + number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Reads exactly one case number ("SC-100042", surrounding spaces allowed), nothing else.</summary>
    public static bool TryParse(string? text, out long number)
    {
        number = 0;
        if (text is null)
            return false;
        var match = ExactPattern().Match(text.Trim());
        return match.Success && TryReadDigits(match.Groups["digits"].Value, out number);
    }

    /// <summary>
    /// A case number as people and URLs give it: "SC-100042" or the bare "100042". Anything else (a negative or
    /// short number, digits with signs, spaces or separators inside) is refused, never guessed at.
    /// </summary>
    public static bool TryParseReference(string? text, out long number) =>
        TryParse(text, out number) || TryReadDigits(text?.Trim() ?? "", out number);

    /// <summary>
    /// Finds a case number tag anywhere in a subject ("Re: [SC-100042] Printer on fire", "re sc-100042").
    /// A bracketed tag wins over a bare one; otherwise the first one counts.
    /// </summary>
    public static bool TryFindInSubject(string? subject, out long number)
    {
        number = 0;
        if (string.IsNullOrEmpty(subject))
            return false;

        Match? first = null;
        foreach (Match match in TagPattern().Matches(subject))
        {
            if (!TryReadDigits(match.Groups["digits"].Value, out _))
                continue;
            if (match.Groups["bracketed"].Success)
            {
                first = match;
                break;
            }

            first ??= match;
        }

        return first is not null && TryReadDigits(first.Groups["digits"].Value, out number);
    }

    private static bool TryReadDigits(string digits, out long number)
    {
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) && IsValid(number))
            return true;
        number = 0;
        return false;
    }

    [GeneratedRegex(@"^SC-(?<digits>[1-9][0-9]{5,17})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExactPattern();

    [GeneratedRegex(@"(?<bracketed>\[\s*)?(?<![A-Za-z0-9])SC-(?<digits>[1-9][0-9]{5,17})(?![0-9])(?(bracketed)\s*\])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
