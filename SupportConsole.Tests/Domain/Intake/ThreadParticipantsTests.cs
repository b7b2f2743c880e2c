using SupportConsole.Domain.Intake;

namespace SupportConsole.Tests.Domain.Intake;

public class ThreadParticipantsTests
{
    private static readonly string[] Agents = ["tier1@supportconsole.local", "Tina <TIER2@SupportConsole.local>"];

    [Theory]
    // The requester, however the address is spelled.
    [InlineData("ann@acme.example", "ann@acme.example", "", ThreadParticipantRole.Requester)]
    [InlineData("ANN@Acme.Example", "ann@acme.example", "", ThreadParticipantRole.Requester)]
    [InlineData("ann@acme.example", "Ann <ann@acme.example>", "", ThreadParticipantRole.Requester)]
    // The customer's list: address, domain, wildcard; the requester wins when both hold.
    [InlineData("ann@acme.example", "ann@acme.example", "acme.example", ThreadParticipantRole.Requester)]
    [InlineData("bob@acme.example", "ann@acme.example", "acme.example", ThreadParticipantRole.CustomerListed)]
    [InlineData("ops@partner.example", "ann@acme.example", "acme.example,ops@partner.example", ThreadParticipantRole.CustomerListed)]
    [InlineData("eve@partner.example", "ann@acme.example", "acme.example,ops@partner.example", ThreadParticipantRole.Stranger)]
    [InlineData("x@eu.acme.example", "ann@acme.example", "*.acme.example", ThreadParticipantRole.CustomerListed)]
    [InlineData("x@eu.acme.example", "ann@acme.example", "acme.example", ThreadParticipantRole.Stranger)]
    [InlineData("x@acme.example.evil.example", "ann@acme.example", "acme.example,*.acme.example", ThreadParticipantRole.Stranger)]
    [InlineData("x@notacme.example", "ann@acme.example", "*.acme.example", ThreadParticipantRole.Stranger)]
    // Agents.
    [InlineData("tier1@supportconsole.local", "ann@acme.example", "", ThreadParticipantRole.Agent)]
    [InlineData("tier2@supportconsole.local", "ann@acme.example", "", ThreadParticipantRole.Agent)]
    [InlineData("tier9@supportconsole.local", "ann@acme.example", "", ThreadParticipantRole.Stranger)]
    // Anyone else quoting the case.
    [InlineData("stranger@evil.example", "ann@acme.example", "acme.example", ThreadParticipantRole.Stranger)]
    [InlineData("stranger@evil.example", "", "", ThreadParticipantRole.Stranger)]
    [InlineData("stranger@evil.example", "not an address", "", ThreadParticipantRole.Stranger)]
    public void Only_participants_may_join_a_thread(string sender, string requester, string list, ThreadParticipantRole expected)
    {
        Assert.True(EmailAddress.TryParse(sender, out var from, out var error), error);
        var entries = list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(OriginationEntry.Parse);

        var role = ThreadParticipants.Classify(from, requester, OriginationList.Create(entries), Agents);

        Assert.Equal(expected, role);
        Assert.Equal(expected != ThreadParticipantRole.Stranger, ThreadParticipants.IsParticipant(role));
    }

    [Fact]
    public void An_empty_sender_is_never_a_participant()
    {
        Assert.Equal(ThreadParticipantRole.Stranger, ThreadParticipants.Classify(default, "", OriginationList.Empty, []));
    }
}
