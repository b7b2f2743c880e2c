using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Tests.Domain.Cases;

/// <summary>Macro placeholders filled from the case, unknown or empty ones left visible and listed, text kept as typed.</summary>
public sealed class MacroTemplateTests
{
    private static readonly Dictionary<string, string?> Values = new()
    {
        [MacroTemplate.CustomerName] = "Acme Corp",
        [MacroTemplate.CaseNumber] = "SC-100042",
        [MacroTemplate.RequesterName] = "Dana Dev",
        [MacroTemplate.AgentName] = "Tina Tier1",
        [MacroTemplate.CaseDue] = "by Thursday 1:03 PM Central",
    };

    public static TheoryData<string, string, string[]> Cases() => new()
    {
        { "Hi {{requester.name}},", "Hi Dana Dev,", [] },
        { "{{case.number}} for {{customer.name}}", "SC-100042 for Acme Corp", [] },
        { "We will answer {{case.due}}. — {{agent.name}}", "We will answer by Thursday 1:03 PM Central. — Tina Tier1", [] },
        { "Spacing {{ case.number }} and case {{CASE.NUMBER}}", "Spacing SC-100042 and case SC-100042", [] },
        { "Unknown {{ticket.id}} stays", "Unknown {{ticket.id}} stays", ["{{ticket.id}}"] },
        { "Twice {{foo}} {{foo}}", "Twice {{foo}} {{foo}}", ["{{foo}}"] },
        { "Not a placeholder: {single} {{ }} {{a b}}", "Not a placeholder: {single} {{ }} {{a b}}", [] },
        { "No placeholders at all.", "No placeholders at all.", [] },
        { "", "", [] },
        { "{{case.number}}{{case.number}}", "SC-100042SC-100042", [] },
        { "Nested {{{{case.number}}}}", "Nested {{SC-100042}}", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fills_known_placeholders_and_flags_the_rest(string body, string expected, string[] unresolved)
    {
        var rendering = MacroTemplate.Render(body, Values);

        Assert.Equal(expected, rendering.Text);
        Assert.Equal(unresolved, rendering.Unresolved);
        Assert.Equal(unresolved.Length == 0, rendering.IsComplete);
    }

    [Fact]
    public void A_known_placeholder_without_a_value_stays_visible_and_is_flagged()
    {
        var rendering = MacroTemplate.Render("Dear {{customer.name}}, re {{case.number}}", new Dictionary<string, string?>
        {
            [MacroTemplate.CustomerName] = null,
            [MacroTemplate.CaseNumber] = "SC-100043",
        });

        Assert.Equal("Dear {{customer.name}}, re SC-100043", rendering.Text);
        Assert.Equal(["{{customer.name}}"], rendering.Unresolved);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_inserted_as_text()
    {
        var rendering = MacroTemplate.Render("Hi {{requester.name}}", new Dictionary<string, string?> { [MacroTemplate.RequesterName] = "{{agent.name}}" });

        Assert.Equal("Hi {{agent.name}}", rendering.Text);
        Assert.True(rendering.IsComplete);
    }

    [Fact]
    public void The_editor_names_placeholders_the_desk_does_not_fill()
    {
        Assert.Equal(["ticket.id"], MacroTemplate.UnknownIn("{{case.number}} {{ticket.id}} {{TICKET.ID}}"));
    }

    [Theory]
    // Wed 2026-11-18 09:00 CST is "now" for each row.
    [InlineData("2026-11-18T22:03:00Z", "by today 4:03 PM Central")]
    [InlineData("2026-11-19T19:03:00Z", "by tomorrow 1:03 PM Central")]
    [InlineData("2026-11-20T15:00:00Z", "by Friday 9:00 AM Central")]
    [InlineData("2026-11-30T15:00:00Z", "by Monday, November 30 9:00 AM Central")]
    public void The_due_time_reads_in_the_customer_s_words(string due, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 18, 15, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, DueWording.ForCustomer(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), now));
    }
}
