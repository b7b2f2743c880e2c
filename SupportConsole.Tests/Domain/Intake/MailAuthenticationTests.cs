using SupportConsole.Domain.Intake;
using SupportConsole.Features.Intake.IncomingMail;

namespace SupportConsole.Tests.Domain.Intake;

/// <summary>
/// What a trusted receiving server's Authentication-Results grant a From domain (RFC 8601, DMARC alignment). The rows
/// are header text, read by the intake's reader (MimeKit's parser) into the domain's reports.
/// </summary>
public class MailAuthenticationTests
{
    private static readonly string[] Trusted = ["mx.vendor.example"];

    private static AuthenticationReport[] Read(params string[] headers) => [.. headers.Select(AuthenticationResultsReader.Parse).OfType<AuthenticationReport>()];

    [Theory]
    // DMARC pass for the From domain.
    [InlineData("mx.vendor.example; dmarc=pass header.from=acme.example", SenderAuthenticationStatus.Pass, "dmarc=pass by mx.vendor.example")]
    [InlineData("mx.vendor.example; dmarc=pass (p=reject) header.from=ACME.example", SenderAuthenticationStatus.Pass, "dmarc=pass by mx.vendor.example")]
    [InlineData("mx.vendor.example; dmarc=pass", SenderAuthenticationStatus.Pass, "dmarc=pass by mx.vendor.example")]
    // DMARC pass for another From domain does not count.
    [InlineData("mx.vendor.example; dmarc=pass header.from=evil.example", SenderAuthenticationStatus.Fail, "dmarc=pass by mx.vendor.example, none passing for acme.example")]
    // DKIM or SPF pass, aligned (same domain or a subdomain either way).
    [InlineData("mx.vendor.example; dkim=pass header.d=acme.example; spf=fail smtp.mailfrom=x@evil.example", SenderAuthenticationStatus.Pass, "dkim=pass (d=acme.example) by mx.vendor.example")]
    [InlineData("mx.vendor.example; dkim=pass header.d=mail.acme.example", SenderAuthenticationStatus.Pass, "dkim=pass (d=mail.acme.example) by mx.vendor.example")]
    [InlineData("mx.vendor.example; dkim=pass header.i=@acme.example", SenderAuthenticationStatus.Pass, "dkim=pass (d=acme.example) by mx.vendor.example")]
    [InlineData("mx.vendor.example; spf=pass smtp.mailfrom=bounces@acme.example", SenderAuthenticationStatus.Pass, "spf=pass (smtp.mailfrom=bounces@acme.example) by mx.vendor.example")]
    // Passing for a domain that is not aligned.
    [InlineData("mx.vendor.example; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=x@evil.example", SenderAuthenticationStatus.Fail, "dkim=pass, spf=pass by mx.vendor.example, none passing for acme.example")]
    [InlineData("mx.vendor.example; dkim=pass header.d=acme.example.evil.example", SenderAuthenticationStatus.Fail, "dkim=pass by mx.vendor.example, none passing for acme.example")]
    [InlineData("mx.vendor.example; dkim=pass header.d=notacme.example", SenderAuthenticationStatus.Fail, "dkim=pass by mx.vendor.example, none passing for acme.example")]
    // Failures.
    [InlineData("mx.vendor.example; dmarc=fail (p=reject) header.from=acme.example", SenderAuthenticationStatus.Fail, "dmarc=fail by mx.vendor.example")]
    [InlineData("mx.vendor.example; spf=softfail smtp.mailfrom=acme.example; dkim=none", SenderAuthenticationStatus.Fail, "spf=softfail, dkim=none by mx.vendor.example, none passing for acme.example")]
    [InlineData("mx.vendor.example; none", SenderAuthenticationStatus.Fail, "mx.vendor.example reported no DMARC, SPF or DKIM result")]
    // Headers the desk does not trust, or cannot read.
    [InlineData("mx.evil.example; dmarc=pass header.from=acme.example", SenderAuthenticationStatus.Unchecked, "no Authentication-Results from a trusted receiving server")]
    [InlineData("mx.vendor.example.evil.example; dmarc=pass", SenderAuthenticationStatus.Unchecked, "no Authentication-Results from a trusted receiving server")]
    [InlineData("not a header at all ;;; ===", SenderAuthenticationStatus.Unchecked, "no Authentication-Results from a trusted receiving server")]
    [InlineData("", SenderAuthenticationStatus.Unchecked, "no Authentication-Results from a trusted receiving server")]
    public void One_trusted_header_decides(string header, SenderAuthenticationStatus status, string summary)
    {
        var verdict = MailAuthentication.Evaluate(Read(header), Trusted, "acme.example");

        Assert.Equal(status, verdict.Status);
        Assert.Equal(summary, verdict.Summary);
    }

    [Fact]
    public void Only_the_topmost_trusted_header_counts_so_a_forged_lower_one_changes_nothing()
    {
        // The sender wrote the lower header with our id; our server added the top one last.
        string[] headers = ["mx.vendor.example; dmarc=fail header.from=acme.example", "mx.vendor.example; dmarc=pass header.from=acme.example"];

        var verdict = MailAuthentication.Evaluate(Read(headers), Trusted, "acme.example");

        Assert.Equal(SenderAuthenticationStatus.Fail, verdict.Status);
        Assert.True(verdict.ExplicitDmarcFail);
    }

    [Fact]
    public void An_untrusted_header_above_the_trusted_one_is_skipped()
    {
        string[] headers = ["mx.evil.example; dmarc=pass header.from=acme.example", "MX.Vendor.Example; dmarc=fail header.from=acme.example"];

        Assert.Equal(SenderAuthenticationStatus.Fail, MailAuthentication.Evaluate(Read(headers), Trusted, "acme.example").Status);
    }

    [Fact]
    public void Without_trusted_ids_nothing_is_believed()
    {
        var verdict = MailAuthentication.Evaluate(Read("mx.vendor.example; dmarc=pass"), [], "acme.example");

        Assert.Equal(SenderAuthenticationStatus.Unchecked, verdict.Status);
        Assert.Contains("Email:Authentication:TrustedServIds is empty", verdict.Summary);
    }

    [Theory]
    // requirePass, status, explicit DMARC fail, doubt expected
    [InlineData(false, SenderAuthenticationStatus.Pass, false, false)]
    [InlineData(true, SenderAuthenticationStatus.Pass, false, false)]
    [InlineData(false, SenderAuthenticationStatus.Unchecked, false, false)]
    [InlineData(true, SenderAuthenticationStatus.Unchecked, false, true)]
    [InlineData(false, SenderAuthenticationStatus.Fail, false, false)]
    [InlineData(true, SenderAuthenticationStatus.Fail, false, true)]
    [InlineData(false, SenderAuthenticationStatus.Fail, true, true)]
    [InlineData(true, SenderAuthenticationStatus.Fail, true, true)]
    public void Priority_needs_a_pass_when_required_and_is_always_withheld_on_an_explicit_DMARC_failure(bool requirePass, SenderAuthenticationStatus status, bool dmarcFail, bool doubted)
    {
        var verdict = new SenderAuthentication(status, "what the server said", dmarcFail);

        Assert.Equal(doubted ? "what the server said" : null, verdict.PriorityDoubt(requirePass));
    }
}
