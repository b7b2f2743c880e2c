using SupportConsole.Domain.Cases;

namespace SupportConsole.Tests.Domain.Cases;

public class CaseVocabularyTests
{
    [Theory]
    [InlineData(1, CaseSeverity.Critical, "1 – Critical: production down, no workaround")]
    [InlineData(2, CaseSeverity.High, "2 – High: major feature broken or degraded, workaround hard")]
    [InlineData(3, CaseSeverity.Normal, "3 – Normal: partial loss of non-critical function")]
    [InlineData(4, CaseSeverity.Question, "4 – Question: how-to, information or feature request")]
    public void Each_severity_has_its_number_and_a_plain_language_hint(int number, CaseSeverity severity, string hint)
    {
        Assert.True(CaseSeverityNames.TryFromNumber(number, out var parsed));
        Assert.Equal(severity, parsed);
        Assert.Equal(number, (int)severity);
        Assert.Equal(hint, severity.Hint());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Numbers_outside_one_to_four_are_not_severities(int number)
    {
        Assert.False(CaseSeverityNames.TryFromNumber(number, out _));
    }

    [Theory]
    [InlineData(CaseChannel.Email, "email")]
    [InlineData(CaseChannel.Web, "web")]
    [InlineData(CaseChannel.Phone, "phone")]
    [InlineData(CaseChannel.Api, "api")]
    public void Channels_round_trip_through_their_api_names(CaseChannel channel, string apiName)
    {
        Assert.Equal(apiName, channel.ToApiName());
        Assert.True(CaseChannelNames.TryParseApiName(apiName.ToUpperInvariant(), out var parsed));
        Assert.Equal(channel, parsed);
    }

    [Theory]
    [InlineData(CaseStatus.Open, "open")]
    [InlineData(CaseStatus.WaitingOnCustomer, "waiting-on-customer")]
    [InlineData(CaseStatus.Resolved, "resolved")]
    [InlineData(CaseStatus.Closed, "closed")]
    public void Statuses_round_trip_through_their_api_names(CaseStatus status, string apiName)
    {
        Assert.Equal(apiName, status.ToApiName());
        Assert.True(CaseStatusNames.TryParseApiName($" {apiName} ", out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fax")]
    [InlineData("waiting")]
    public void Unknown_api_names_are_refused(string? name)
    {
        Assert.False(CaseChannelNames.TryParseApiName(name, out _));
        Assert.False(CaseStatusNames.TryParseApiName(name, out _));
    }
}
