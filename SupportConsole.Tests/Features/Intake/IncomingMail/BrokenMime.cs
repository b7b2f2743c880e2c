using System.Text;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>Raw messages whose MIME MimeKit parses leniently into partial or empty text.</summary>
public static class BrokenMime
{
    public const string UnclosedBoundary = "never-closes-42";

    private static string Headers(string from, string subject, string contentType, string messageId) =>
        $"From: {from}\r\nTo: help@supportconsole.local\r\nSubject: {subject}\r\nMessage-ID: <{messageId}>\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\n\r\n";

    /// <summary>Multiparts nested <paramref name="depth"/> deep, every boundary closed, the text in the innermost part.</summary>
    public static byte[] DeepNesting(int depth, string from, string subject = "Deeply nested", string text = "The text at the bottom.")
    {
        var raw = new StringBuilder(Headers(from, subject, "multipart/mixed; boundary=\"b0\"", $"deep-{Guid.NewGuid():N}@sender.example"));
        for (var level = 0; level < depth; level++)
        {
            raw.Append($"--b{level}\r\n");
            raw.Append(level + 1 < depth ? $"Content-Type: multipart/mixed; boundary=\"b{level + 1}\"\r\n\r\n" : "Content-Type: text/plain\r\n\r\n" + text + "\r\n");
        }
        for (var level = depth - 1; level >= 0; level--)
        {
            raw.Append($"--b{level}--\r\n");
        }
        return Encoding.ASCII.GetBytes(raw.ToString());
    }

    /// <summary>A multipart/mixed whose closing boundary never comes: the second part runs to the end of the message.</summary>
    public static byte[] NeverClosingBoundary(string from, string subject = "Boundary never closes") =>
        Encoding.ASCII.GetBytes(Headers(from, subject, $"multipart/mixed; boundary=\"{UnclosedBoundary}\"", $"unclosed-{Guid.NewGuid():N}@sender.example")
            + $"--{UnclosedBoundary}\r\nContent-Type: text/plain\r\n\r\nThe first part.\r\n"
            + $"--{UnclosedBoundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"log.txt\"\r\n\r\nlog line 1\r\nlog line 2 and then the connection was cut\r\n");

    /// <summary>A multipart/mixed with a preamble and a closing boundary but no part at all.</summary>
    public static byte[] EmptyMultipart(string from, string subject = "Empty multipart") =>
        Encoding.ASCII.GetBytes(Headers(from, subject, "multipart/mixed; boundary=\"nothing-inside\"", $"empty-{Guid.NewGuid():N}@sender.example")
            + "Text a MIME reader does not show: it is the preamble.\r\n--nothing-inside--\r\n");

    /// <summary>A single-part body of a type that is not text and not an attachment: no text comes out of it.</summary>
    public static byte[] UnreadableBody(string from, string subject = "Unreadable body") =>
        Encoding.ASCII.GetBytes(Headers(from, subject, "application/x-unknown", $"unreadable-{Guid.NewGuid():N}@sender.example")
            + "Bytes that are there but that no text part holds.\r\n");
}
