using System.Text;
using System.Text.RegularExpressions;

namespace SupportConsole.Domain.Cases;

/// <summary>
/// Fills a macro's placeholders: <c>{{customer.name}}</c>, <c>{{case.number}}</c>, <c>{{requester.name}}</c>,
/// <c>{{agent.name}}</c>, <c>{{case.due}}</c>, written with any spacing inside the braces and in any case. A placeholder
/// the desk does not know, or knows but has no value for (a case without a customer has no customer name), is left in
/// the text exactly as typed and listed in <see cref="MacroRendering.Unresolved"/>, so the agent sees what to fill in.
/// Text outside placeholders is kept as it is; a value is inserted as plain text, never read as a placeholder again.
/// </summary>
public static partial class MacroTemplate
{
    public const string CustomerName = "customer.name";
    public const string CaseNumber = "case.number";
    public const string RequesterName = "requester.name";
    public const string AgentName = "agent.name";
    public const string CaseDue = "case.due";

    /// <summary>The placeholders the desk fills, in the order the macro editor lists them.</summary>
    public static IReadOnlyList<string> Known { get; } = [CustomerName, CaseNumber, RequesterName, AgentName, CaseDue];

    /// <summary>Fills the placeholders of <paramref name="body"/> from <paramref name="values"/> (keys as in <see cref="Known"/>, any case).</summary>
    public static MacroRendering Render(string? body, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (string.IsNullOrEmpty(body))
        {
            return new MacroRendering("", []);
        }
        var lookup = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        var unresolved = new List<string>();
        var text = new StringBuilder(body.Length);
        var last = 0;
        foreach (Match match in Placeholder().Matches(body))
        {
            text.Append(body, last, match.Index - last);
            var name = match.Groups["name"].Value;
            if (lookup.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                text.Append(value);
            }
            else
            {
                text.Append(match.Value);
                if (!unresolved.Contains(match.Value, StringComparer.Ordinal))
                {
                    unresolved.Add(match.Value);
                }
            }
            last = match.Index + match.Length;
        }
        text.Append(body, last, body.Length - last);
        return new MacroRendering(text.ToString(), unresolved);
    }

    /// <summary>The placeholders written in a body, as typed (for the editor's hint of unknown names).</summary>
    public static IReadOnlyList<string> UnknownIn(string? body) =>
        string.IsNullOrEmpty(body) ? [] : [.. Placeholder().Matches(body).Select(m => m.Groups["name"].Value)
            .Where(n => !Known.Contains(n, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase)];

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
