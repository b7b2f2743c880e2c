using System.Text;
using MimeKit;
using SupportConsole.Features.Intake.IncomingMail;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

public sealed class MimeHealthTests
{
    private static string? ProblemOf(byte[] raw)
    {
        using var stream = new MemoryStream(raw);
        var message = MimeMessage.Load(MimeHealth.ParserOptions(), stream);
        return MimeHealth.Problem(message, raw);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void The_parser_options_cap_the_nesting_depth()
    {
        Assert.Equal(MimeHealth.MaxMimeDepth, MimeHealth.ParserOptions().MaxMimeDepth);
        Assert.NotEqual(MimeHealth.MaxMimeDepth, ParserOptions.Default.MaxMimeDepth); // the shared default is left alone
    }

    [Fact]
    public void Plain_text_is_clean()
    {
        Assert.Null(ProblemOf(Ascii("From: a@example.org\r\nSubject: hi\r\n\r\nHello.\r\n")));
    }

    [Fact]
    public void A_multipart_alternative_with_its_boundary_closed_is_clean()
    {
        var message = new MimeMessage { Subject = "alt", Body = new BodyBuilder { TextBody = "text", HtmlBody = "<p>html</p>" }.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("a@example.org"));
        using var stream = new MemoryStream();
        message.WriteTo(stream);

        Assert.Null(ProblemOf(stream.ToArray()));
    }

    [Fact]
    public void A_message_with_only_an_attachment_or_a_blank_body_is_clean()
    {
        var builder = new BodyBuilder();
        builder.Attachments.Add("data.bin", new byte[] { 1, 2, 3 });
        var message = new MimeMessage { Subject = "attachment only", Body = builder.ToMessageBody() };
        using var stream = new MemoryStream();
        message.WriteTo(stream);

        Assert.Null(ProblemOf(stream.ToArray()));
        Assert.Null(ProblemOf(Ascii("From: a@example.org\r\nSubject: blank\r\n\r\n \r\n\r\n")));
        Assert.Null(ProblemOf(Ascii("From: a@example.org\r\nSubject: headers only\r\n")));
    }

    [Fact]
    public void Nesting_within_the_cap_is_clean()
    {
        Assert.Null(ProblemOf(BrokenMime.DeepNesting(MimeHealth.MaxMimeDepth - 2, "a@example.org")));
    }

    [Theory]
    [InlineData(MimeHealth.MaxMimeDepth + 1)]
    [InlineData(5000)]
    public void Nesting_past_the_cap_says_so(int depth)
    {
        var problem = ProblemOf(BrokenMime.DeepNesting(depth, "a@example.org"));

        Assert.Equal($"The message's MIME structure is nested deeper than {MimeHealth.MaxMimeDepth} levels, where reading it stops, so its text may be incomplete", problem);
    }

    [Fact]
    public void A_boundary_that_never_closes_is_named()
    {
        var problem = ProblemOf(BrokenMime.NeverClosingBoundary("a@example.org"));

        Assert.Equal($"The message's MIME structure was broken (the boundary \"{BrokenMime.UnclosedBoundary}\" never closes)", problem);
    }

    [Fact]
    public void A_multipart_without_parts_is_named()
    {
        var problem = ProblemOf(BrokenMime.EmptyMultipart("a@example.org"));

        Assert.Equal("The message's MIME structure was broken (a multipart/mixed part has no parts)", problem);
    }

    [Fact]
    public void A_body_that_yields_no_text_says_how_many_bytes_were_there()
    {
        var raw = BrokenMime.UnreadableBody("a@example.org");

        var problem = ProblemOf(raw);

        Assert.NotNull(problem);
        Assert.StartsWith("The message's text could not be read from its MIME structure", problem);
        Assert.Contains($"{"Bytes that are there but that no text part holds.\r\n".Length} bytes after its headers", problem);
    }

    [Fact]
    public void A_hostile_boundary_is_shown_on_one_short_line()
    {
        var boundary = "evil\u0007" + new string('b', 200);
        var raw = Ascii($"From: a@example.org\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n--{boundary}\r\nContent-Type: text/plain\r\n\r\nhi\r\n");

        var problem = ProblemOf(raw)!;

        Assert.Contains("never closes", problem);
        Assert.DoesNotContain(problem, char.IsControl);
        Assert.True(problem.Length < 200, problem);
    }

    [Fact]
    public void The_note_names_the_attached_original()
    {
        Assert.Equal("Something broke; the original message is attached as original-message.eml.", MimeHealth.Note("Something broke"));
    }
}
