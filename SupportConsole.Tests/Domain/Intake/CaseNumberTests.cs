using SupportConsole.Domain.Intake;

namespace SupportConsole.Tests.Domain.Intake;

public class CaseNumberTests
{
    [Theory]
    [InlineData(100000L, "SC-100000")]
    [InlineData(100042L, "SC-100042")]
    [InlineData(12345678L, "SC-12345678")]
    public void A_case_number_is_written_with_the_sc_prefix(long number, string expected)
    {
        Assert.Equal(expected, CaseNumber.Format(number));
    }

    [Fact]
    public void Numbers_below_one_hundred_thousand_are_not_case_numbers()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseNumber.Format(99999));
        Assert.False(CaseNumber.IsValid(0));
    }

    [Theory]
    [InlineData("SC-100042", 100042L)]
    [InlineData("sc-100042", 100042L)]
    [InlineData("  SC-100000 ", 100000L)]
    [InlineData("SC-12345678", 12345678L)]
    public void A_written_case_number_reads_back(string text, long expected)
    {
        Assert.True(CaseNumber.TryParse(text, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("100042")]
    [InlineData("SC-99999")]
    [InlineData("SC-0100042")]
    [InlineData("SC-100042x")]
    [InlineData("[SC-100042]")]
    [InlineData("SC 100042")]
    [InlineData("SC-99999999999999999999")]
    public void Anything_else_is_not_a_case_number(string? text)
    {
        Assert.False(CaseNumber.TryParse(text, out _));
    }

    [Theory]
    [InlineData("Re: [SC-100042] Printer on fire", 100042L)]
    [InlineData("RE: [sc-100042] Printer on fire", 100042L)]
    [InlineData("Fwd: Re: SC-100042 Printer on fire", 100042L)]
    [InlineData("Printer on fire (SC-100042)", 100042L)]
    [InlineData("Printer on fire [ SC-100042 ]", 100042L)]
    [InlineData("About SC-100001, see also [SC-100042]", 100042L)]
    [InlineData("SC-100001 and SC-100042", 100001L)]
    [InlineData("Re:[SC-100042]Printer", 100042L)]
    public void A_case_number_tag_is_found_anywhere_in_a_subject(string subject, long expected)
    {
        Assert.True(CaseNumber.TryFindInSubject(subject, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Printer on fire")]
    [InlineData("Order 100042 is late")]
    [InlineData("Re: [SC-42] short number")]
    [InlineData("Re: XSC-100042 is a part number")]
    [InlineData("Re: SC-1000420000000000000000 too long")]
    [InlineData("Re: SC-0100042 leading zero")]
    public void A_subject_without_a_case_number_tag_has_none(string? subject)
    {
        Assert.False(CaseNumber.TryFindInSubject(subject, out _));
    }
}
