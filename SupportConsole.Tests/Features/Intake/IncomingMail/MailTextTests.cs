using SupportConsole.Features.Intake.IncomingMail;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

public sealed class MailTextTests
{
    [Fact]
    public void Html_becomes_the_text_a_reader_sees_with_paragraphs_on_their_own_lines()
    {
        var text = MailText.HtmlToText("<html><body><p>Hello <b>team</b>,</p><p>The   printer<br>is on fire.</p></body></html>");

        Assert.Equal("Hello team,\nThe printer\nis on fire.", text);
    }

    [Fact]
    public void Scripts_styles_and_the_head_are_dropped_with_their_content()
    {
        var text = MailText.HtmlToText("<head><title>T</title><style>body{color:red}</style></head><body>Visible<script>alert(1)</script><noscript>no</noscript></body>");

        Assert.Equal("Visible", text);
    }

    [Fact]
    public void Entities_are_decoded_and_no_tag_survives()
    {
        var text = MailText.HtmlToText("<div>5 &lt; 6 &amp;&amp; &quot;ok&quot;</div><img src=x onerror=alert(1) alt=\"logo\">");

        Assert.Equal("5 < 6 && \"ok\"\n[logo]", text);
    }

    [Fact]
    public void List_items_become_dashed_lines()
    {
        var text = MailText.HtmlToText("<ul><li>one</li><li>two</li></ul>");

        Assert.Equal("- one\n- two", text);
    }

    [Fact]
    public void Explicit_blank_lines_are_kept_but_never_more_than_one()
    {
        var text = MailText.HtmlToText("first<br><br><br><br>second");

        Assert.Equal("first\n\nsecond", text);
    }

    [Fact]
    public void Empty_or_missing_html_gives_empty_text()
    {
        Assert.Equal("", MailText.HtmlToText(null));
        Assert.Equal("", MailText.HtmlToText("   "));
    }

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Windows\\evil.exe", "evil.exe")]
    [InlineData("my file (1).txt", "my_file__1_.txt")]
    [InlineData("..", "attachment")]
    [InlineData("", "attachment")]
    [InlineData(".hidden", "hidden")]
    public void Attachment_file_names_are_made_safe_for_the_disk(string name, string expected)
    {
        Assert.Equal(expected, SupportConsole.Features.Cases.AttachmentStore.SafeFileName(name));
    }

    [Fact]
    public void Subjects_lose_control_characters_and_folding()
    {
        Assert.Equal("one two three", MailText.CleanSubject("one\r\n two\t\u0000three "));
    }

    [Theory]
    [InlineData(30, "*/30 * * * * *")]
    [InlineData(60, "* * * * *")]
    [InlineData(300, "*/5 * * * *")]
    [InlineData(7200, "0 * * * *")]
    public void The_IMAP_poll_interval_becomes_a_cron_expression(int seconds, string cron)
    {
        Assert.Equal(cron, ImapPollJob.Cron(seconds));
    }
}
