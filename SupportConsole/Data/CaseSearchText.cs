using System.Text;

namespace SupportConsole.Data;

/// <summary>
/// Turns what a person typed into an FTS5 query of plain words: each whitespace-separated token becomes a quoted
/// string (inner quotes doubled), so <c>AND</c>, <c>*</c>, <c>-</c>, <c>NEAR(</c> or an unbalanced quote are words,
/// never query syntax. Tokens with no letter or digit are dropped (the tokenizer would drop them anyway).
/// </summary>
public static class CaseSearchText
{
    /// <summary>The longest search text accepted, in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>The FTS5 MATCH expression for the text (every word must appear), or null when it has no word.</summary>
    public static string? ToMatchQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var query = new StringBuilder();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!token.Any(char.IsLetterOrDigit))
            {
                continue;
            }
            if (query.Length > 0)
            {
                query.Append(' ');
            }
            query.Append('"').Append(token.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        return query.Length == 0 ? null : query.ToString();
    }
}
