using System.Text;
using MimeKit;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>
/// Whether MimeKit's parse of a message kept everything in it. MimeKit is lenient: a multipart whose closing boundary
/// never comes, a multipart with no parts, or nesting past <see cref="MaxMimeDepth"/> still parse, into partial or empty
/// text. <see cref="Problem"/> says in words what went wrong, so that intake keeps the raw message with the case
/// (<see cref="OriginalFileName"/>) and notes why, instead of a case that reads "(no text)".
/// </summary>
public static class MimeHealth
{
    /// <summary>How deep multiparts and attached messages may nest; deeper, MimeKit keeps the rest as one unparsed part.</summary>
    public const int MaxMimeDepth = 32;

    /// <summary>The name of the raw message attached to a case when its MIME was not clean.</summary>
    public const string OriginalFileName = "original-message.eml";

    /// <summary>The parser options intake reads mail with: MimeKit's defaults, nesting capped at <see cref="MaxMimeDepth"/>.</summary>
    public static ParserOptions ParserOptions()
    {
        var options = MimeKit.ParserOptions.Default.Clone();
        options.MaxMimeDepth = MaxMimeDepth;
        return options;
    }

    /// <summary>The internal note for a case whose mail had <paramref name="problem"/>.</summary>
    public static string Note(string problem) => $"{problem}; the original message is attached as {OriginalFileName}.";

    /// <summary>Null when <paramref name="message"/> (parsed from <paramref name="raw"/>) is clean MIME; otherwise what went wrong, as a sentence without its final stop.</summary>
    public static string? Problem(MimeMessage message, ReadOnlySpan<byte> raw)
    {
        string? empty = null;
        string? unclosed = null;
        var entities = new Stack<(MimeEntity Entity, int Depth)>();
        if (message.Body is { } body)
        {
            entities.Push((body, 1));
        }
        while (entities.Count > 0)
        {
            var (entity, depth) = entities.Pop();
            switch (entity)
            {
                case Multipart multipart:
                    if (depth >= MaxMimeDepth)
                    {
                        return TooDeep;
                    }
                    if (multipart.Count == 0)
                    {
                        empty ??= $"The message's MIME structure was broken (a {Shown(multipart.ContentType.MimeType)} part has no parts)";
                    }
                    if (multipart.Boundary is { Length: > 0 } boundary && raw.IndexOf(Encoding.Latin1.GetBytes($"--{boundary}--")) < 0)
                    {
                        unclosed ??= $"The message's MIME structure was broken (the boundary \"{Shown(boundary)}\" never closes)";
                    }
                    foreach (var child in multipart)
                    {
                        entities.Push((child, depth + 1));
                    }
                    break;

                case MessagePart { Message.Body: { } inner }:
                    if (depth >= MaxMimeDepth)
                    {
                        return TooDeep;
                    }
                    entities.Push((inner, depth + 1));
                    break;

                case MimePart part when part.ContentType.IsMimeType("multipart", "*") || part.ContentType.IsMimeType("message", "rfc822"):
                    // The parser stopped here and kept the rest as one opaque part.
                    return TooDeep;
            }
        }
        return empty ?? unclosed ?? NoText(message, raw);
    }

    private static string TooDeep =>
        $"The message's MIME structure is nested deeper than {MaxMimeDepth} levels, where reading it stops, so its text may be incomplete";

    /// <summary>No text and no attachment came out of a message that has more than blank lines after its headers.</summary>
    private static string? NoText(MimeMessage message, ReadOnlySpan<byte> raw)
    {
        if (!string.IsNullOrWhiteSpace(message.TextBody) || !string.IsNullOrWhiteSpace(MailText.HtmlToText(message.HtmlBody)) || message.Attachments.Any())
        {
            return null;
        }
        var bodyBytes = BodyBytes(raw);
        return bodyBytes > 0
            ? $"The message's text could not be read from its MIME structure (nothing readable came out of {bodyBytes} bytes after its headers)"
            : null;
    }

    /// <summary>How many bytes follow the blank line that ends the headers, when any of them is not white space.</summary>
    private static int BodyBytes(ReadOnlySpan<byte> raw)
    {
        var crlf = raw.IndexOf("\r\n\r\n"u8);
        var lf = raw.IndexOf("\n\n"u8);
        var end = (crlf, lf) switch
        {
            (< 0, < 0) => -1,
            (< 0, _) => lf + 2,
            (_, < 0) => crlf + 4,
            _ => Math.Min(crlf + 4, lf + 2),
        };
        if (end < 0)
        {
            return 0;
        }
        var body = raw[end..];
        return body.IndexOfAnyExcept(" \t\r\n"u8) >= 0 ? body.Length : 0;
    }

    /// <summary>Sender-chosen text in a note: one line, at most 70 characters (a boundary's own limit).</summary>
    private static string Shown(string text)
    {
        var line = MailText.CleanSubject(text);
        return line.Length <= 70 ? line : line[..67] + "...";
    }
}
