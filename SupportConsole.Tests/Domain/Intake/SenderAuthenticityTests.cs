using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Tests.Domain.Intake;

public class SenderAuthenticityTests
{
    [Theory]
    // Nothing contradicts the From.
    [InlineData("ann@acme.example", null, null, null)]
    [InlineData("ann@acme.example", null, "ann@acme.example", null)]
    [InlineData("ann@acme.example", "ANN@acme.example", "ann@acme.example", null)]
    [InlineData("ann@acme.example", null, "bounces+123@mail.acme.example", null)]
    [InlineData("ann@eu.acme.example", null, "bounce@acme.example", null)]
    [InlineData("ann@acme.example", null, "", null)]
    [InlineData("", null, "bounce@evil.example", null)]
    // Several From mailboxes.
    [InlineData("ann@acme.example,eve@evil.example", null, null, "the From names 2 mailboxes (ann@acme.example, eve@evil.example)")]
    // A Sender other than the From.
    [InlineData("ann@acme.example", "eve@evil.example", null, "Sender eve@evil.example differs from From ann@acme.example")]
    [InlineData("ann@acme.example", "bob@acme.example", "ann@acme.example", "Sender bob@acme.example differs from From ann@acme.example")]
    // An envelope on another domain.
    [InlineData("ann@acme.example", null, "bounce@evil.example", "envelope bounce@evil.example differs from From ann@acme.example")]
    [InlineData("ann@acme.example", null, "x@acme.example.evil.example", "envelope x@acme.example.evil.example differs from From ann@acme.example")]
    [InlineData("ann@acme.example", null, "x@notacme.example", "envelope x@notacme.example differs from From ann@acme.example")]
    public void Doubts_name_what_contradicts_the_From(string from, string? sender, string? envelope, string? expected)
    {
        var mailboxes = from.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, SenderAuthenticity.Doubt(mailboxes, sender, envelope));
    }

    [Theory]
    [InlineData(CaseQueue.Priority)]
    [InlineData(CaseQueue.Standard)]
    public void A_doubtful_sender_always_goes_to_the_standard_queue_with_the_doubt_in_the_reason(CaseQueue routed)
    {
        var decision = SenderAuthenticity.Downgrade(new RoutingDecision(routed, 7, "matched domain acme.example on Acme's list"), "envelope bounce@evil.example differs from From ann@acme.example");

        Assert.Equal(CaseQueue.Standard, decision.Queue);
        Assert.Equal(7, decision.CustomerId);
        Assert.Equal("sender not authenticated: envelope bounce@evil.example differs from From ann@acme.example; matched domain acme.example on Acme's list", decision.Reason);
    }
}
