using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Plans;

namespace SupportConsole.Tests.Domain.Intake;

public class OriginationListConflictsTests
{
    private static readonly CustomerRoutingProfile[] Others =
    [
        new(1, "Acme Corp", SupportPlan.ProPlus, new(2026, 1, 1), new(2026, 12, 31),
            OriginationList.Create(new[] { "acme.example", "*.acme-labs.example", "ann@contractor.example" }.Select(OriginationEntry.Parse))),
        new(2, "Globex", SupportPlan.FreeSupport, new(2026, 1, 1), new(2026, 12, 31),
            OriginationList.Create(new[] { "globex.example" }.Select(OriginationEntry.Parse))),
    ];

    [Theory]
    [InlineData("acme.example", "acme.example is already on Acme Corp's list")]
    [InlineData("ACME.Example", "acme.example is already on Acme Corp's list")]
    [InlineData("ann@contractor.example", "ann@contractor.example is already on Acme Corp's list")]
    [InlineData("*.acme-labs.example", "*.acme-labs.example is already on Acme Corp's list")]
    [InlineData("bob@acme.example", "bob@acme.example is already covered by acme.example on Acme Corp's list")]
    [InlineData("eu.acme-labs.example", "eu.acme-labs.example is already covered by *.acme-labs.example on Acme Corp's list")]
    [InlineData("bob@eu.acme-labs.example", "bob@eu.acme-labs.example is already covered by *.acme-labs.example on Acme Corp's list")]
    [InlineData("*.eu.acme-labs.example", "*.eu.acme-labs.example is already covered by *.acme-labs.example on Acme Corp's list")]
    [InlineData("contractor.example", "contractor.example would take in ann@contractor.example, which is on Acme Corp's list")]
    public void An_entry_another_customer_already_claims_is_refused(string proposed, string message)
    {
        var conflicts = OriginationListConflicts.Find(3, [OriginationEntry.Parse(proposed)], Others);

        Assert.Contains(message, conflicts);
    }

    [Theory]
    [InlineData("initech.example")]
    [InlineData("bob@contractor.example")]
    [InlineData("*.acme.example")]
    [InlineData("acme-labs.example")]
    [InlineData("mail.acme.example")]
    [InlineData("*.contractor.example")]
    public void An_entry_no_other_customer_claims_may_be_saved(string proposed)
    {
        Assert.Empty(OriginationListConflicts.Find(3, [OriginationEntry.Parse(proposed)], Others));
    }

    [Fact]
    public void A_customer_does_not_conflict_with_its_own_saved_list()
    {
        var proposed = new[] { "acme.example", "bob@acme.example", "*.acme-labs.example" }.Select(OriginationEntry.Parse);

        Assert.Empty(OriginationListConflicts.Find(1, proposed, Others));
    }

    [Fact]
    public void Every_conflicting_entry_gets_its_own_message()
    {
        var proposed = new[] { "acme.example", "globex.example", "initech.example" }.Select(OriginationEntry.Parse);

        Assert.Equal(
            ["acme.example is already on Acme Corp's list", "globex.example is already on Globex's list"],
            OriginationListConflicts.Find(3, proposed, Others));
    }

    [Fact]
    public void An_exact_address_cannot_sit_under_another_customers_domain_so_routing_is_never_ambiguous()
    {
        var conflicts = OriginationListConflicts.Find(2, [OriginationEntry.Parse("ceo@acme.example")], Others);

        Assert.Equal(["ceo@acme.example is already covered by acme.example on Acme Corp's list"], conflicts);
    }
}
