using SupportConsole.Domain.Intake;

namespace SupportConsole.Tests.Domain.Intake;

public class EmailAddressTests
{
    [Theory]
    [InlineData("ann@acme.example", "ann@acme.example")]
    [InlineData("  Ann@ACME.Example \t", "ann@acme.example")]
    [InlineData("Ann Smith <ann@acme.example>", "ann@acme.example")]
    [InlineData("\"Smith, Ann\" <Ann@Acme.Example>", "ann@acme.example")]
    [InlineData("<ann@acme.example>", "ann@acme.example")]
    [InlineData("ann+printers@acme.example", "ann+printers@acme.example")]
    [InlineData("ann@acme.example.", "ann@acme.example")]
    [InlineData("ann@bücher.example", "ann@xn--bcher-kva.example")]
    [InlineData("ann@BÜCHER.example", "ann@xn--bcher-kva.example")]
    [InlineData("ann@xn--bcher-kva.example", "ann@xn--bcher-kva.example")]
    public void Good_addresses_are_normalized_to_one_spelling(string input, string expected)
    {
        Assert.True(EmailAddress.TryParse(input, out var address, out var error), error);
        Assert.Null(error);
        Assert.Equal(expected, address.Value);
        Assert.Equal(expected, address.ToString());
    }

    [Fact]
    public void Local_part_and_domain_are_the_two_sides_of_the_at()
    {
        var address = EmailAddress.Parse("Ann.Smith@Mail.Bücher.example");

        Assert.Equal("ann.smith", address.LocalPart);
        Assert.Equal("mail.xn--bcher-kva.example", address.Domain);
    }

    [Fact]
    public void Differently_written_spellings_of_one_address_are_equal()
    {
        var unicode = EmailAddress.Parse("Kurt <KURT@bücher.example>");
        var ascii = EmailAddress.Parse("kurt@xn--bcher-kva.example");

        Assert.Equal(unicode, ascii);
        Assert.True(unicode == ascii);
        Assert.Equal(unicode.GetHashCode(), ascii.GetHashCode());
        Assert.NotEqual(unicode, EmailAddress.Parse("kurt2@xn--bcher-kva.example"));
    }

    [Fact]
    public void A_default_address_is_empty_rather_than_null()
    {
        var address = default(EmailAddress);

        Assert.Equal("", address.Value);
        Assert.Equal("", address.Domain);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("   ", "empty")]
    [InlineData("ann.acme.example", "it has no @")]
    [InlineData("@acme.example", "nothing before the @")]
    [InlineData("ann@", "no domain after the @")]
    [InlineData("ann@@acme.example", "more than one @")]
    [InlineData("ann smith@acme.example", "contains a space")]
    [InlineData("ann\u0007@acme.example", "control character")]
    [InlineData("Ann <ann@acme.example", "no closing >")]
    [InlineData("ann@acme.example>", "no opening <")]
    [InlineData("Ann <ann@acme.example> (work)", "text after the closing >")]
    [InlineData("ann,bob@acme.example", "',' is not allowed before the @")]
    [InlineData("ann@localhost", "needs a dot")]
    [InlineData("ann@acme..example", "not a valid domain name")]
    [InlineData("ann@acme_corp.example", "not a valid domain name")]
    [InlineData("ann@[192.0.2.1]", "address literals")]
    [InlineData("ann@192.0.2.1", "top-level domain")]
    public void Bad_addresses_are_refused_with_a_message_saying_why(string? input, string expectedInMessage)
    {
        Assert.False(EmailAddress.TryParse(input, out _, out var error));
        Assert.NotNull(error);
        Assert.Contains(expectedInMessage, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_longer_than_254_characters_is_refused()
    {
        var label = new string('d', 63);
        var input = new string('a', 64) + "@" + string.Join('.', label, label, label) + ".example";

        Assert.False(EmailAddress.TryParse(input, out _, out var error));
        Assert.Contains("longer than 254 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_part_longer_than_64_characters_is_refused()
    {
        Assert.False(EmailAddress.TryParse(new string('a', 65) + "@acme.example", out _, out var error));
        Assert.Contains("longer than 64 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_throws_a_format_exception_carrying_the_message()
    {
        var exception = Assert.Throws<FormatException>(() => EmailAddress.Parse("not an address"));
        Assert.Contains("not a valid email address", exception.Message, StringComparison.Ordinal);
    }
}
