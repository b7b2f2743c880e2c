using System.Globalization;
using System.Text;

namespace SupportConsole.Domain.Intake;

/// <summary>
/// One spelling for a mail domain: lower-case ASCII, internationalized names as punycode
/// (<c>bücher.example</c> becomes <c>xn--bcher-kva.example</c>), so lists and senders compare by plain string equality.
/// </summary>
internal static class MailDomain
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>
    /// Normalizes a domain name. It needs at least two labels, and the last one (the top-level domain) has at least
    /// two characters and is not all digits: no bare hosts, no IP addresses, no "e.g".
    /// </summary>
    public static bool TryNormalize(string input, out string domain, out string? problem)
    {
        domain = "";
        var text = input.Trim().Normalize(NormalizationForm.FormC);
        if (text.EndsWith('.'))
            text = text[..^1];

        if (text.Length == 0)
        {
            problem = "the domain is empty";
            return false;
        }

        if (text.StartsWith('[') || text.EndsWith(']'))
        {
            problem = "address literals like [192.0.2.1] are not accepted";
            return false;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(text.ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            problem = $"\"{text}\" is not a valid domain name";
            return false;
        }

        ascii = ascii.ToLowerInvariant();
        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            problem = $"the domain \"{text}\" needs a dot, like example.com";
            return false;
        }

        var topLevel = labels[^1];
        if (topLevel.Length < 2 || topLevel.All(char.IsAsciiDigit))
        {
            problem = $"\"{text}\" does not end in a real top-level domain";
            return false;
        }

        domain = ascii;
        problem = null;
        return true;
    }

    /// <summary>True when <paramref name="domain"/> lies strictly below <paramref name="parent"/> (both normalized).</summary>
    public static bool IsSubdomainOf(string domain, string parent) =>
        domain.Length > parent.Length + 1
        && domain.EndsWith(parent, StringComparison.Ordinal)
        && domain[domain.Length - parent.Length - 1] == '.';
}
