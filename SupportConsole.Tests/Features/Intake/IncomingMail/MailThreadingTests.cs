using Microsoft.EntityFrameworkCore;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>
/// Who may write into a case by mail, and what a reply does to the case's status, through the real listener.
/// Each test uses its own addresses so the shared host's cases never meet.
/// </summary>
[Collection(nameof(SmtpHostCollection))]
public sealed class MailThreadingTests(SmtpHost host) : IClassFixture<SmtpHost>
{
    [Fact]
    public async Task A_stranger_quoting_a_case_number_gets_a_case_of_their_own_and_both_cases_are_linked_by_notes()
    {
        var original = await OpenAsync("victim@acme.example", "Payroll export", "The export is broken.");
        var before = await host.CaseAsync(original);

        var answer = await host.SendAsync(SmtpHost.Mail("stranger@evil.example", $"Re: [SC-{original}] Payroll export", "Please send the export to me."));

        Assert.Contains("Queued as case SC-", answer);
        var quoted = SmtpHost.CaseNumberIn(answer);
        Assert.NotEqual(original, quoted);
        var after = await host.CaseAsync(original);
        Assert.Equal(before.Status, after.Status);
        Assert.DoesNotContain(after.Thread, e => e.Body.Contains("Please send the export to me."));
        Assert.Equal(before.Thread.Count(e => e.Kind == CaseEntryKind.CustomerMessage), after.Thread.Count(e => e.Kind == CaseEntryKind.CustomerMessage));
        Assert.Contains(after.Thread, e => e.Kind == CaseEntryKind.InternalNote
            && e.Body.Contains($"SC-{quoted} quoted this case's number from stranger@evil.example; it was opened as its own case"));

        var own = await host.CaseAsync(quoted);
        Assert.Equal("stranger@evil.example", own.FromAddress);
        Assert.Equal(CaseQueue.Standard, own.Queue);
        Assert.Contains(own.Thread, e => e.Kind == CaseEntryKind.CustomerMessage && e.Body.Contains("Please send the export to me."));
        Assert.Contains(own.Thread, e => e.Kind == CaseEntryKind.InternalNote && e.Body.Contains($"quoted SC-{original}"));
    }

    [Fact]
    public async Task A_forged_requester_address_with_another_envelope_cannot_write_into_the_case()
    {
        var original = await OpenAsync("forged@acme.example", "Bank details", "Our account changed.");

        var answer = await host.SendAsync(SmtpHost.Mail("forged@acme.example", $"Re: [SC-{original}] Bank details", "Pay to the new account 123."),
            envelopeFrom: new MimeKit.MailboxAddress("", "attacker@evil.example"));

        var quoted = SmtpHost.CaseNumberIn(answer);
        Assert.NotEqual(original, quoted);
        var after = await host.CaseAsync(original);
        Assert.DoesNotContain(after.Thread, e => e.Body.Contains("Pay to the new account"));
        var own = await host.CaseAsync(quoted);
        Assert.Equal(CaseQueue.Standard, own.Queue);
        Assert.StartsWith("sender not authenticated: envelope attacker@evil.example differs from From forged@acme.example", own.RoutingReason);
    }

    [Fact]
    public async Task A_retried_stranger_mail_is_a_repeat_and_links_the_cases_only_once()
    {
        var original = await OpenAsync("victim2@acme.example", "Billing", "Wrong invoice.");
        var quote = SmtpHost.Mail("stranger2@evil.example", $"Re: [SC-{original}] Billing", "Me too.");

        var first = await host.SendAsync(quote);
        var second = await host.SendAsync(quote);

        Assert.Equal(SmtpHost.CaseNumberIn(first), SmtpHost.CaseNumberIn(second));
        Assert.Contains("Already received", second);
        Assert.Single((await host.CaseAsync(original)).Thread, e => e.Kind == CaseEntryKind.InternalNote);
    }

    [Fact]
    public async Task The_requester_s_reply_is_added_to_the_case()
    {
        var number = await OpenAsync("solo@example.org", "Cannot log in", "Password reset fails.");

        var answer = await host.SendAsync(SmtpHost.Mail("Solo <SOLO@Example.org>", $"Re: [SC-{number}] Cannot log in", "Still failing."));

        Assert.Contains($"Added to case SC-{number}", answer);
        Assert.Contains((await host.CaseAsync(number)).Thread, e => e.Kind == CaseEntryKind.CustomerMessage && e.Body.Contains("Still failing."));
    }

    [Fact]
    public async Task A_colleague_at_a_domain_on_the_customer_s_list_is_a_participant()
    {
        var number = await OpenAsync("lead@acme.example", "Slow reports", "Reports take minutes.");

        var colleague = await host.SendAsync(SmtpHost.Mail("colleague@acme.example", $"Re: [SC-{number}] Slow reports", "Same for me."));
        var partner = await host.SendAsync(SmtpHost.Mail("ops@acme-partners.example", $"Re: [SC-{number}] Slow reports", "And for us."));

        Assert.Contains($"Added to case SC-{number}", colleague);
        Assert.Contains($"Added to case SC-{number}", partner);
        var thread = (await host.CaseAsync(number)).Thread;
        Assert.Contains(thread, e => e.Author == "colleague@acme.example" && e.Body.Contains("Same for me."));
        Assert.Contains(thread, e => e.Author == "ops@acme-partners.example" && e.Body.Contains("And for us."));
    }

    [Fact]
    public async Task A_reply_to_a_resolved_case_reopens_it_with_a_timeline_event()
    {
        var number = await OpenAsync("resolved@example.org", "Sync stopped", "Nothing syncs.");
        await SetStatusAsync(number, CaseStatus.Resolved);

        var answer = await host.SendAsync(SmtpHost.Mail("resolved@example.org", $"Re: [SC-{number}] Sync stopped", "It stopped again."));

        Assert.Contains($"Added to case SC-{number}", answer);
        var supportCase = await host.CaseAsync(number);
        Assert.Equal(CaseStatus.Open, supportCase.Status);
        Assert.Contains(supportCase.Thread, e => e.Kind == CaseEntryKind.SystemEvent && e.Event == "reopened");
        Assert.Contains(supportCase.Thread, e => e.Kind == CaseEntryKind.CustomerMessage && e.Body.Contains("It stopped again."));
    }

    [Fact]
    public async Task A_reply_to_a_closed_case_opens_a_linked_follow_up_case()
    {
        var number = await OpenAsync("closed@example.org", "Export format", "CSV please.");
        await SetStatusAsync(number, CaseStatus.Closed);

        var answer = await host.SendAsync(SmtpHost.Mail("closed@example.org", $"Re: [SC-{number}] Export format", "One more question."));

        Assert.Contains("Queued as case SC-", answer);
        var followUp = SmtpHost.CaseNumberIn(answer);
        Assert.NotEqual(number, followUp);
        var closed = await host.CaseAsync(number);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.DoesNotContain(closed.Thread, e => e.Body.Contains("One more question."));
        Assert.Contains(closed.Thread, e => e.Kind == CaseEntryKind.InternalNote && e.Body.Contains($"follow-up case SC-{followUp}"));
        var opened = await host.CaseAsync(followUp);
        Assert.Equal(CaseStatus.Open, opened.Status);
        Assert.Contains(opened.Thread, e => e.Kind == CaseEntryKind.InternalNote && e.Body.Contains($"Follow-up to SC-{number}"));
    }

    [Fact]
    public async Task An_out_of_office_reply_to_a_waiting_case_is_a_note_only_and_changes_and_sends_nothing()
    {
        var number = await OpenAsync("away@example.org", "License renewal", "When does it expire?");
        await SetStatusAsync(number, CaseStatus.WaitingOnCustomer);
        var outboxBefore = await OutboxCountAsync("away@example.org");
        var autoReply = SmtpHost.Mail("away@example.org", $"Automatic reply: [SC-{number}] License renewal", "I am out of the office until Monday.");
        autoReply.Headers.Add("Auto-Submitted", "auto-replied");

        var answer = await host.SendAsync(autoReply);

        Assert.Contains($"Added to case SC-{number}", answer);
        var supportCase = await host.CaseAsync(number);
        Assert.Equal(CaseStatus.WaitingOnCustomer, supportCase.Status);
        Assert.Contains(supportCase.Thread, e => e.Kind == CaseEntryKind.InternalNote && e.Body.Contains("out of the office") && e.Body.Contains("Auto-Submitted"));
        Assert.DoesNotContain(supportCase.Thread, e => e.Kind == CaseEntryKind.CustomerMessage && e.Body.Contains("out of the office"));
        Assert.DoesNotContain(supportCase.Thread, e => e.Event == "reopened");
        Assert.Equal(outboxBefore, await OutboxCountAsync("away@example.org"));
    }

    [Fact]
    public async Task An_out_of_office_reply_never_reopens_a_resolved_case()
    {
        var number = await OpenAsync("away2@example.org", "Quota", "Raise it please.");
        await SetStatusAsync(number, CaseStatus.Resolved);
        var autoReply = SmtpHost.Mail("away2@example.org", $"Re: [SC-{number}] Quota", "Away this week.");
        autoReply.Headers.Add("Auto-Submitted", "auto-replied");

        Assert.Contains($"Added to case SC-{number}", await host.SendAsync(autoReply));

        Assert.Equal(CaseStatus.Resolved, (await host.CaseAsync(number)).Status);
    }

    [Fact]
    public async Task The_same_Message_ID_from_another_sender_with_other_text_is_kept_as_its_own_case()
    {
        var first = SmtpHost.Mail("one@example.org", "First mail", "Text of the first mail.");
        var second = SmtpHost.Mail("two@example.org", "Second mail", "Entirely different text.");
        second.MessageId = first.MessageId ?? "";

        var firstNumber = SmtpHost.CaseNumberIn(await host.SendAsync(first));
        var secondAnswer = await host.SendAsync(second);
        var retry = await host.SendAsync(second);

        Assert.Contains("Queued as case SC-", secondAnswer);
        var secondNumber = SmtpHost.CaseNumberIn(secondAnswer);
        Assert.NotEqual(firstNumber, secondNumber);
        Assert.Contains("Already received", retry);
        Assert.Equal(secondNumber, SmtpHost.CaseNumberIn(retry));
        Assert.Contains((await host.CaseAsync(firstNumber)).Thread, e => e.Body.Contains("Text of the first mail."));
        var kept = await host.CaseAsync(secondNumber);
        Assert.Equal("two@example.org", kept.FromAddress);
        Assert.StartsWith(first.MessageId + "#", kept.MessageId ?? "");
        Assert.Contains(kept.Thread, e => e.Body.Contains("Entirely different text."));
    }

    private async Task<long> OpenAsync(string from, string subject, string body) =>
        SmtpHost.CaseNumberIn(await host.SendAsync(SmtpHost.Mail(from, subject, body)));

    private async Task SetStatusAsync(long number, CaseStatus status)
    {
        await using var db = await host.Db();
        await db.Cases.Where(c => c.Number == number).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status));
    }

    private async Task<int> OutboxCountAsync(string to)
    {
        await using var db = await host.Db();
        return await db.Outbox.CountAsync(m => m.To == to);
    }
}
