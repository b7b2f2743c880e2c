using SupportConsole.Domain.Intake;

namespace SupportConsole.Tests.Domain.Intake;

public class AutomatedMailClassifierTests
{
    private static readonly Func<string, bool> NotOurs = _ => false;

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", AutomatedMailReason.AutoSubmitted)]
    [InlineData("Auto-Submitted", "auto-generated", AutomatedMailReason.AutoSubmitted)]
    [InlineData("Auto-Submitted", "Auto-Replied; owner-email=\"ann@acme.example\"", AutomatedMailReason.AutoSubmitted)]
    [InlineData("X-Autoreply", "yes", AutomatedMailReason.AutoSubmitted)]
    [InlineData("Precedence", "bulk", AutomatedMailReason.Bulk)]
    [InlineData("Precedence", "Junk", AutomatedMailReason.Bulk)]
    [InlineData("Precedence", "list", AutomatedMailReason.Bulk)]
    [InlineData("X-Auto-Response-Suppress", "All", AutomatedMailReason.AutoResponseSuppress)]
    [InlineData("X-Auto-Response-Suppress", "OOF, AutoReply", AutomatedMailReason.AutoResponseSuppress)]
    [InlineData("Content-Type", "multipart/report; report-type=delivery-status; boundary=\"x\"", AutomatedMailReason.DeliveryNotification)]
    [InlineData("Return-Path", "<>", AutomatedMailReason.DeliveryNotification)]
    [InlineData("List-Id", "<printers.acme.example>", AutomatedMailReason.ListMail)]
    [InlineData("List-Unsubscribe", "<mailto:leave@lists.acme.example>", AutomatedMailReason.ListMail)]
    public void A_header_marking_automated_mail_means_no_acknowledgment(string header, string value, AutomatedMailReason reason)
    {
        var verdict = AutomatedMailClassifier.Classify("ann@acme.example", Headers((header, value)), NotOurs);

        Assert.False(verdict.ShouldAcknowledge);
        Assert.Equal([reason], verdict.Reasons);
        Assert.StartsWith("no acknowledgment: ", verdict.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auto-Submitted", "no")]
    [InlineData("Auto-Submitted", " No ")]
    [InlineData("Precedence", "first-class")]
    [InlineData("Content-Type", "multipart/mixed; boundary=\"x\"")]
    [InlineData("Return-Path", "<ann@acme.example>")]
    [InlineData("Subject", "Printer on fire")]
    public void Ordinary_headers_leave_the_acknowledgment_on(string header, string value)
    {
        var verdict = AutomatedMailClassifier.Classify("Ann <ann@acme.example>", Headers((header, value)), NotOurs);

        Assert.True(verdict.ShouldAcknowledge);
        Assert.Empty(verdict.Reasons);
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mail.acme.example")]
    [InlineData("Mail Delivery Subsystem <mailer-daemon@googlemail.example>")]
    [InlineData("postmaster@acme.example")]
    [InlineData("MAILER-DAEMON")]
    public void Mail_from_a_mailer_daemon_or_postmaster_is_a_delivery_notification(string from)
    {
        var verdict = AutomatedMailClassifier.Classify(from, Headers(), NotOurs);

        Assert.False(verdict.ShouldAcknowledge);
        Assert.Equal([AutomatedMailReason.DeliveryNotification], verdict.Reasons);
    }

    [Fact]
    public void Our_own_message_coming_back_is_recognised_by_its_message_id()
    {
        string? asked = null;
        var verdict = AutomatedMailClassifier.Classify(
            "ann@acme.example",
            Headers(("Message-ID", " <case-100042.1@supportconsole.local> ")),
            id => (asked = id) == "case-100042.1@supportconsole.local");

        Assert.Equal("case-100042.1@supportconsole.local", asked);
        Assert.False(verdict.ShouldAcknowledge);
        Assert.Equal([AutomatedMailReason.OwnMessage], verdict.Reasons);
        Assert.Contains("Message-ID <case-100042.1@supportconsole.local> is one we sent", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_names_match_whatever_their_case_even_in_a_case_sensitive_dictionary()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["auto-submitted"] = "auto-replied", ["PRECEDENCE"] = "bulk" };

        var verdict = AutomatedMailClassifier.Classify("ann@acme.example", headers, NotOurs);

        Assert.Equal([AutomatedMailReason.AutoSubmitted, AutomatedMailReason.Bulk], verdict.Reasons);
        Assert.Equal("no acknowledgment: Auto-Submitted: auto-replied; Precedence: bulk", verdict.Explanation);
    }

    [Fact]
    public void Every_sign_found_is_reported_once()
    {
        var verdict = AutomatedMailClassifier.Classify(
            "mailer-daemon@acme.example",
            Headers(("Content-Type", "multipart/report"), ("List-Id", "x"), ("List-Unsubscribe", "y")),
            NotOurs);

        Assert.Equal([AutomatedMailReason.DeliveryNotification, AutomatedMailReason.ListMail], verdict.Reasons);
    }

    [Fact]
    public void Mail_without_a_sender_or_headers_is_acknowledged()
    {
        Assert.True(AutomatedMailClassifier.Classify(null, Headers(), NotOurs).ShouldAcknowledge);
    }
}
