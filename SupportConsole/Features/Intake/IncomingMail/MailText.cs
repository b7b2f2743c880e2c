using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>Turns what mail carries into plain text the desk stores and shows: never HTML, never control characters.</summary>
public static partial class MailText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "table", "tr", "ul", "ol",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "dl", "dt", "dd", "form", "fieldset",
    };

    /// <summary>
    /// The text a reader would see in an HTML mail: tags dropped, scripts and styles removed with their content,
    /// paragraphs and line breaks kept as line breaks, entities decoded. The result is plain text, safe to show escaped.
    /// </summary>
    public static string HtmlToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        Walk(document.Body ?? (INode)document, text);
        return Tidy(text.ToString());
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when Skipped.Contains(e.LocalName):
                    break;
                case IElement e when e.LocalName is "br":
                    text.Append('\n');
                    break;
                case IElement e when e.LocalName is "li":
                    LineBreak(text);
                    text.Append("- ");
                    Walk(e, text);
                    LineBreak(text);
                    break;
                case IElement e when e.LocalName is "td" or "th":
                    Walk(e, text);
                    text.Append(' ');
                    break;
                case IElement e when e.LocalName is "img":
                    if (e.GetAttribute("alt") is { Length: > 0 } alt)
                    {
                        text.Append('[').Append(alt).Append(']');
                    }
                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    LineBreak(text);
                    Walk(e, text);
                    LineBreak(text);
                    break;
                case IElement e:
                    Walk(e, text);
                    break;
            }
        }
    }

    /// <summary>Ends the current line unless it is already ended: adjacent blocks are one line break apart, not a blank line.</summary>
    private static void LineBreak(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    /// <summary>Collapses runs of spaces inside lines and more than one blank line, and trims.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(line => Spaces().Replace(line.Replace('\u00A0', ' '), " ").Trim());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }
            result.Append(line);
            blank = 0;
        }
        return result.ToString();
    }

    /// <summary>Drops control characters except line breaks and tabs; normalizes line breaks to \n.</summary>
    public static string CleanBody(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return new string(normalized.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray());
    }

    /// <summary>A subject on one line: control characters (folding, tabs) become spaces, runs collapse, trimmed.</summary>
    public static string CleanSubject(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return "";
        }
        var flat = new string(subject.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return Spaces().Replace(flat, " ").Trim();
    }

    [GeneratedRegex(@"[ \t\f\v]+")]
    private static partial Regex Spaces();
}
