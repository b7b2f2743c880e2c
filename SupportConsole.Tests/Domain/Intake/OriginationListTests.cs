using SupportConsole.Domain.Intake;

namespace SupportConsole.Tests.Domain.Intake;

public class OriginationListTests
{
    [Theory]
    [InlineData("ann@acme.example", OriginationEntryKind.Address, "ann@acme.example")]
    [InlineData("Ann Smith <ANN@Acme.Example>", OriginationEntryKind.Address, "ann@acme.example")]
    [InlineData("acme.example", OriginationEntryKind.Domain, "acme.example")]
    [InlineData(" ACME.example ", OriginationEntryKind.Domain, "acme.example")]
    [InlineData("@acme.example", OriginationEntryKind.Domain, "acme.example")]
    [InlineData("*.Acme.example", OriginationEntryKind.WildcardDomain, "*.acme.example")]
    [InlineData("*.bücher.example", OriginationEntryKind.WildcardDomain, "*.xn--bcher-kva.example")]
    [InlineData("bücher.example", OriginationEntryKind.Domain, "xn--bcher-kva.example")]
    public void Entries_are_read_as_address_domain_or_wildcard_and_normalized(string input, OriginationEntryKind kind, string value)
    {
        Assert.True(OriginationEntry.TryParse(input, out var entry, out var error), error);
        Assert.Equal(kind, entry.Kind);
        Assert.Equal(value, entry.Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("acme", "needs a dot")]
    [InlineData("*.com", "needs a dot")]
    [InlineData("*", "wildcard goes only at the start")]
    [InlineData("a*.acme.example", "wildcard goes only at the start")]
    [InlineData("acme.*.example", "wildcard goes only at the start")]
    [InlineData("ann@", "no domain after the @")]
    [InlineData("192.168.1.1", "top-level domain")]
    public void Bad_entries_are_refused_with_a_message(string input, string expectedInMessage)
    {
        Assert.False(OriginationEntry.TryParse(input, out _, out var error));
        Assert.Contains(expectedInMessage, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ann@acme.example", "ann@acme.example", true)]
    [InlineData("ann@acme.example", "bob@acme.example", false)]
    [InlineData("acme.example", "bob@acme.example", true)]
    [InlineData("acme.example", "bob@eu.acme.example", false)]
    [InlineData("acme.example", "bob@notacme.example", false)]
    [InlineData("*.acme.example", "bob@eu.acme.example", true)]
    [InlineData("*.acme.example", "bob@mail.eu.acme.example", true)]
    [InlineData("*.acme.example", "bob@acme.example", false)]
    [InlineData("*.acme.example", "bob@eu-acme.example", false)]
    [InlineData("*.acme.example", "bob@acme.example.evil.example", false)]
    [InlineData("bücher.example", "KURT@XN--BCHER-KVA.EXAMPLE", true)]
    public void An_entry_matches_exactly_what_it_names(string entry, string sender, bool matches)
    {
        Assert.Equal(matches, OriginationEntry.Parse(entry).Matches(EmailAddress.Parse(sender)));
    }

    [Theory]
    [InlineData("ann@acme.example", "ann@acme.example")]
    [InlineData("bob@acme.example", "acme.example")]
    [InlineData("bob@eu.acme.example", "*.acme.example")]
    [InlineData("bob@fr.acme.example", "*.acme.example")]
    [InlineData("bob@mail.eu.acme.example", "*.eu.acme.example")]
    [InlineData("carol@eu.acme.example", "carol@eu.acme.example")]
    public void The_most_specific_entry_is_the_match(string sender, string expected)
    {
        var list = OriginationList.Create(
            new[] { "*.acme.example", "acme.example", "ann@acme.example", "*.eu.acme.example", "carol@eu.acme.example" }
                .Select(OriginationEntry.Parse));

        Assert.Equal(expected, list.Match(EmailAddress.Parse(sender))?.Value);
    }

    [Fact]
    public void A_sender_on_no_entry_has_no_match()
    {
        var list = OriginationList.Create([OriginationEntry.Parse("acme.example")]);

        Assert.Null(list.Match(EmailAddress.Parse("ann@globex.example")));
        Assert.Null(OriginationList.Empty.Match(EmailAddress.Parse("ann@acme.example")));
    }

    [Fact]
    public void A_list_holds_each_entry_once_whatever_the_spelling()
    {
        Assert.True(OriginationList.TryCreate(["ACME.example", "acme.example", "@acme.example", "Ann <ann@acme.example>"], out var list, out var errors));

        Assert.Empty(errors);
        Assert.Equal(["acme.example", "ann@acme.example"], list.Entries.Select(e => e.Value));
    }

    [Fact]
    public void A_list_with_unreadable_entries_is_not_built_and_each_is_named()
    {
        Assert.False(OriginationList.TryCreate(["acme.example", "acme", "ann@"], out var list, out var errors));

        Assert.Equal(2, errors.Count);
        Assert.Same(OriginationList.Empty, list);
    }
}
