using SupportConsole.Domain.Intake;

namespace SupportConsole.Tests.Domain.Intake;

public class OriginationListChangeRequestTests
{
    private static string[] Values(IEnumerable<OriginationEntry> entries) => entries.Select(e => e.Value).ToArray();

    [Theory]
    [InlineData("Please add Bob to our origination list", null, true)]
    [InlineData("Update to origination list", null, true)]
    [InlineData("Remove Dave from the authorized senders", null, true)]
    [InlineData("Adding two people to our authorised contacts", null, true)]
    [InlineData("Change to our email list", null, true)]
    [InlineData("Please add carol@acme.example to the list", null, true)]
    [InlineData("Printer on fire", "origination-list", true)]
    [InlineData("Printer on fire", " Origination-List ", true)]
    [InlineData("Re: [SC-100042] Printer on fire", null, false)]
    [InlineData("Re: [SC-100042] Printer on fire", "hardware", false)]
    [InlineData("Our origination list", null, false)]
    [InlineData("Please add a dark mode", null, false)]
    [InlineData("", null, false)]
    public void A_change_request_is_recognised_by_its_subject_or_category(string subject, string? category, bool expected)
    {
        Assert.Equal(expected, OriginationListChangeRequest.LooksLikeChangeRequest(subject, category));
    }

    [Fact]
    public void Inline_add_and_remove_lines_are_read()
    {
        var change = OriginationListChangeRequest.Parse(
            "Please add: bob@acme.example, carol@acme.example\nRemove: dave@acme.example\nadd domain *.eu.acme.example");

        Assert.Equal(["bob@acme.example", "carol@acme.example", "*.eu.acme.example"], Values(change.Additions));
        Assert.Equal(["dave@acme.example"], Values(change.Removals));
        Assert.Empty(change.UnrecognizedLines);
    }

    [Fact]
    public void Bulleted_lists_under_headings_are_read_and_the_signature_ignored()
    {
        const string body = """
            Hi team,

            Please update our origination list as follows.

            Add:
            - Bob Smith <Bob@Acme.example>
            - carol@acme.example
            * emea.acme.example

            Remove:
            - dave@acme.example
            • @old-acme.example

            Thanks,
            Ann Smith
            ann@acme.example | +1 312 555 0100
            """;

        var change = OriginationListChangeRequest.Parse(body);

        Assert.Equal(["bob@acme.example", "carol@acme.example", "emea.acme.example"], Values(change.Additions));
        Assert.Equal(["dave@acme.example", "old-acme.example"], Values(change.Removals));
        Assert.Empty(change.UnrecognizedLines);
    }

    [Fact]
    public void Plus_and_minus_prefixes_outside_a_heading_mean_add_and_remove()
    {
        const string body = """
            Changes for our list:
            + bob@acme.example
            +carol@acme.example
            - dave@acme.example
            -erin@acme.example
            --
            Ann
            """;

        var change = OriginationListChangeRequest.Parse(body);

        Assert.Equal(["bob@acme.example", "carol@acme.example"], Values(change.Additions));
        Assert.Equal(["dave@acme.example", "erin@acme.example"], Values(change.Removals));
    }

    [Fact]
    public void Prose_sentences_are_read_word_by_word()
    {
        const string body = """
            Hello,
            Could you please add frank@acme.example and remove grace@acme.example? Also
            heidi@acme.example should be removed, she left last month.
            The following people should be added:
            ivan@acme.example
            judy@acme.example.
            """;

        var change = OriginationListChangeRequest.Parse(body);

        Assert.Equal(["frank@acme.example", "ivan@acme.example", "judy@acme.example"], Values(change.Additions));
        Assert.Equal(["grace@acme.example", "heidi@acme.example"], Values(change.Removals));
        Assert.Empty(change.UnrecognizedLines);
    }

    [Fact]
    public void Lines_it_cannot_read_with_confidence_are_shown_to_the_agent_untouched()
    {
        const string body = """
            Please add: bob@acme.example, carol@acme
            Don't remove dave@acme.example
            Replace erin@acme.example with frank@acme.example
            grace@acme.example is our new CFO
            """;

        var change = OriginationListChangeRequest.Parse(body);

        Assert.Equal(["bob@acme.example"], Values(change.Additions));
        Assert.Empty(change.Removals);
        Assert.Equal(
            [
                "Please add: bob@acme.example, carol@acme",
                "Don't remove dave@acme.example",
                "Replace erin@acme.example with frank@acme.example",
                "grace@acme.example is our new CFO",
            ],
            change.UnrecognizedLines);
    }

    [Fact]
    public void Quoted_text_and_earlier_messages_are_not_read()
    {
        const string body = """
            Add: bob@acme.example

            On Tue, Nov 24, 2026 at 9:00 AM Support <support@supportconsole.local> wrote:
            > Remove: dave@acme.example
            Remove: erin@acme.example
            """;

        var change = OriginationListChangeRequest.Parse(body);

        Assert.Equal(["bob@acme.example"], Values(change.Additions));
        Assert.Empty(change.Removals);
    }

    [Fact]
    public void An_entry_asked_to_be_both_added_and_removed_is_left_to_the_agent()
    {
        var change = OriginationListChangeRequest.Parse("Add: bob@acme.example, carol@acme.example\nRemove: bob@acme.example");

        Assert.Equal(["carol@acme.example"], Values(change.Additions));
        Assert.Empty(change.Removals);
        Assert.Equal(["bob@acme.example is asked to be both added and removed"], change.UnrecognizedLines);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Hi, our printer is on fire again.\nThanks")]
    public void A_body_without_entries_proposes_nothing(string? body)
    {
        var change = OriginationListChangeRequest.Parse(body);

        Assert.True(change.IsEmpty);
        Assert.Empty(change.UnrecognizedLines);
    }

    [Fact]
    public void The_primary_contact_may_change_the_list()
    {
        var ann = EmailAddress.Parse("ann@acme.example");

        var approval = OriginationListChangeRequest.CanApprove(EmailAddress.Parse("Ann <ANN@acme.example>"), ann);

        Assert.True(approval.Allowed);
        Assert.Null(approval.Reason);
    }

    [Fact]
    public void Anyone_else_cannot_and_the_console_says_why()
    {
        var approval = OriginationListChangeRequest.CanApprove(EmailAddress.Parse("bob@acme.example"), EmailAddress.Parse("ann@acme.example"));

        Assert.False(approval.Allowed);
        Assert.Equal("Only the designated primary contact (ann@acme.example) can change the list; this request came from bob@acme.example", approval.Reason);
    }

    [Fact]
    public void Without_a_primary_contact_no_request_can_be_approved()
    {
        var approval = OriginationListChangeRequest.CanApprove(EmailAddress.Parse("bob@acme.example"), null);

        Assert.False(approval.Allowed);
        Assert.Equal("The customer has no designated primary contact, so no one can change the list by email; this request came from bob@acme.example", approval.Reason);
    }

    [Fact]
    public void Applying_a_change_removes_then_adds_and_leaves_the_rest()
    {
        var current = OriginationList.Create(new[] { "acme.example", "dave@partner.example", "erin@partner.example" }.Select(OriginationEntry.Parse));
        var change = OriginationListChangeRequest.Parse("Add: bob@partner.example, *.eu.acme.example, acme.example\nRemove: dave@partner.example, zoe@partner.example");

        var updated = OriginationListChangeRequest.Apply(current, change);

        Assert.Equal(["acme.example", "*.eu.acme.example", "bob@partner.example", "erin@partner.example"], Values(updated.Entries));
        Assert.Equal(3, current.Count);
    }
}
