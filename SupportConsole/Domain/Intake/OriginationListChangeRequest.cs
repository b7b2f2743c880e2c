using System.Text.RegularExpressions;

namespace SupportConsole.Domain.Intake;

/// <summary>
/// A customer asking by mail to change its origination list. The text is read generously but never trusted:
/// the agent sees the proposed additions and removals and approves or rejects them, and only a request from the
/// customer's designated primary contact can be approved.
/// </summary>
public static partial class OriginationListChangeRequest
{
    /// <summary>The category the case form and the API use for list changes.</summary>
    public const string Category = "origination-list";

    private enum Intent
    {
        None,
        Add,
        Remove,
    }

    private static readonly HashSet<string> AddWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "add", "adds", "adding", "added", "addition", "additions", "include", "includes", "including", "included", "grant",
    };

    private static readonly HashSet<string> RemoveWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "remove", "removes", "removing", "removed", "removal", "removals", "delete", "deletes", "deleting", "deleted",
        "deletion", "deletions", "drop", "revoke", "revoked", "exclude", "excluded",
    };

    /// <summary>Words that make a line too risky to read automatically: negations and replacements.</summary>
    private static readonly HashSet<string> DoubtWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "don't", "dont", "never", "keep", "replace", "replaces", "replacing", "replaced", "instead", "swap", "change", "rename",
    };

    private static readonly string[] SignOffs =
    [
        "thanks", "thank you", "many thanks", "thanks in advance", "regards", "best regards", "kind regards", "best",
        "cheers", "sincerely", "br",
    ];

    /// <summary>
    /// True when the category is <c>origination-list</c>, or the subject speaks of adding, removing or changing
    /// something on the origination, authorized or email list ("Please add Bob to our authorized senders").
    /// </summary>
    public static bool LooksLikeChangeRequest(string? subject, string? category)
    {
        if (string.Equals(category?.Trim(), Category, StringComparison.OrdinalIgnoreCase))
            return true;
        return !string.IsNullOrWhiteSpace(subject)
            && ChangeVerbPattern().IsMatch(subject)
            && ListPattern().IsMatch(subject);
    }

    /// <summary>
    /// Reads additions and removals from a request's body. Understood forms, mixed freely:
    /// "Please add: a@x.example, b@x.example", "Remove: c@x.example", "add domain *.eu.x.example",
    /// headings such as "Add:" or "The following should be removed:" followed by plain or bulleted lines,
    /// and "+ a@x.example" / "- c@x.example" lines (a "-" outside a heading means remove; under one it is a bullet).
    /// Quoted lines ("&gt;") are skipped; reading stops at a signature ("--"), a sign-off ("Thanks,") or a quoted
    /// earlier message ("On ... wrote:").
    /// </summary>
    public static ProposedListChange Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return ProposedListChange.None;

        var additions = new List<OriginationEntry>();
        var removals = new List<OriginationEntry>();
        var unrecognized = new List<string>();
        var heading = Intent.None;

        foreach (var rawLine in body.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('>'))
                continue;
            if (EndsReading(line))
                break;

            var (prefixIntent, rest) = ReadPrefix(line.Replace("**", "", StringComparison.Ordinal), heading);
            var read = ReadLine(rest);

            if (read.Entries.Count == 0 && read.BadAddresses == 0)
            {
                if (read.LastVerb != Intent.None)
                    heading = read.LastVerb;
                continue;
            }

            if (read.Doubtful)
            {
                // After a line we could not read, bare lines no longer inherit what came before it.
                unrecognized.Add(line);
                heading = Intent.None;
                continue;
            }

            // Entries before the line's first add/remove word take the "+"/"-" prefix or the heading; a word after
            // them ("bob@x.example should be removed") counts too, and when the two disagree the line is left to the agent.
            var surrounding = prefixIntent != Intent.None ? prefixIntent : heading;
            var fallback = surrounding != Intent.None ? surrounding : read.FirstVerb;
            if (read.FirstVerb != Intent.None && surrounding != Intent.None && read.FirstVerb != surrounding
                && read.Entries.Any(e => e.Stated == Intent.None))
            {
                unrecognized.Add(line);
                continue;
            }

            var lineIsUnderstood = read.BadAddresses == 0;
            var last = Intent.None;
            foreach (var (entry, stated) in read.Entries)
            {
                var intent = stated != Intent.None ? stated : fallback;
                if (intent == Intent.None)
                {
                    lineIsUnderstood = false;
                    continue;
                }

                (intent == Intent.Add ? additions : removals).Add(entry);
                last = intent;
            }

            if (!lineIsUnderstood)
                unrecognized.Add(line);
            if (prefixIntent == Intent.None && last != Intent.None && read.FirstVerb != Intent.None)
                heading = last;
        }

        var both = additions.Intersect(removals).ToHashSet();
        foreach (var entry in both)
            unrecognized.Add($"{entry.Value} is asked to be both added and removed");

        return new ProposedListChange(
            additions.Distinct().Where(e => !both.Contains(e)).ToArray(),
            removals.Distinct().Where(e => !both.Contains(e)).ToArray(),
            unrecognized);
    }

    /// <summary>
    /// Only the customer's designated primary contact may change the list; anyone else's request can be read but
    /// not approved, and the reason says who may.
    /// </summary>
    public static ChangeRequestApproval CanApprove(EmailAddress requester, EmailAddress? primaryContact)
    {
        if (primaryContact is not { } primary || primary.Value.Length == 0)
        {
            return ChangeRequestApproval.Refuse(
                $"The customer has no designated primary contact, so no one can change the list by email; this request came from {requester.Value}");
        }

        if (primary != requester)
        {
            return ChangeRequestApproval.Refuse(
                $"Only the designated primary contact ({primary.Value}) can change the list; this request came from {requester.Value}");
        }

        return ChangeRequestApproval.Allow;
    }

    /// <summary>The list after the change: removals taken out, then additions put in (removing an absent entry does nothing).</summary>
    public static OriginationList Apply(OriginationList current, ProposedListChange change)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        return current.Without(change.Removals).With(change.Additions);
    }

    private static bool EndsReading(string line)
    {
        if (line.TrimEnd() == "--" || OriginalMessagePattern().IsMatch(line) || WrotePattern().IsMatch(line))
            return true;
        var words = line.Trim(',', '.', '!', ' ').ToLowerInvariant();
        return SignOffs.Contains(words) || SignOffs.Any(s => words.StartsWith(s + ",", StringComparison.Ordinal) && words.Length < s.Length + 30);
    }

    /// <summary>"+ x" adds; "- x" removes unless under a heading, where it is a bullet like "* x", "• x", "1. x".</summary>
    private static (Intent Intent, string Remainder) ReadPrefix(string line, Intent heading)
    {
        if (line.StartsWith('+'))
            return (Intent.Add, line[1..].TrimStart());
        if (line.StartsWith('-') || line.StartsWith('–'))
            return (heading == Intent.None ? Intent.Remove : Intent.None, line[1..].TrimStart());
        if (line.Length > 1 && (line[0] is '*' or '•' or '·') && char.IsWhiteSpace(line[1]))
            return (Intent.None, line[2..].TrimStart());
        var numbered = NumberedBulletPattern().Match(line);
        return numbered.Success ? (Intent.None, line[numbered.Length..]) : (Intent.None, line);
    }

    private sealed record LineReading(
        IReadOnlyList<(OriginationEntry Entry, Intent Stated)> Entries,
        int BadAddresses,
        Intent FirstVerb,
        Intent LastVerb,
        bool Doubtful);

    private static LineReading ReadLine(string text)
    {
        var entries = new List<(OriginationEntry, Intent)>();
        var bad = 0;
        var first = Intent.None;
        var current = Intent.None;
        var doubtful = false;

        foreach (var rawToken in TokenSeparators().Split(text))
        {
            var token = rawToken.Trim('"', '\'', '(', ')', '[', ']', '<', '>', '.', ',', ';', ':', '!', '?', '`');
            if (token.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                token = token["mailto:".Length..];
            if (token.Length == 0)
                continue;

            if (AddWords.Contains(token) || RemoveWords.Contains(token))
            {
                current = AddWords.Contains(token) ? Intent.Add : Intent.Remove;
                if (first == Intent.None)
                    first = current;
                continue;
            }

            if (DoubtWords.Contains(token.Replace('’', '\'')))
            {
                doubtful = true;
                continue;
            }

            if (!token.Contains('@') && !token.Contains('.'))
                continue;

            if (OriginationEntry.TryParse(token, out var entry, out _))
                entries.Add((entry, current));
            else if (token.Contains('@'))
                bad++;
        }

        return new LineReading(entries, bad, first, current, doubtful);
    }

    [GeneratedRegex(@"[\s,;]+")]
    private static partial Regex TokenSeparators();

    [GeneratedRegex(@"^\d{1,3}[.)]\s+")]
    private static partial Regex NumberedBulletPattern();

    [GeneratedRegex(@"^-{2,}\s*(original message|forwarded message)\s*-{2,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessagePattern();

    [GeneratedRegex(@"^On\s.+\swrote:$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrotePattern();

    [GeneratedRegex(@"\b(add|adding|added|remove|removing|removed|delete|deleting|deleted|change|changes|changing|update|updates|updating|modify|modifying|modification|amend|amendment|edit)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChangeVerbPattern();

    [GeneratedRegex(@"\borigination\b|\ballow-?list\b|\b(authori[sz]ed|approved|allowed|permitted)\s+(e-?mail\s+)?(list|senders?|contacts?|addresses|domains?|users)\b|\b(e-?mail|sender|contact|address)\s+list\b|\b(to|on|from)\s+(the\s+|our\s+|your\s+)?list\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListPattern();
}
