using System.Text;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>
/// Hosts with a listener run one at a time: Hangfire's SQLite storage is process-global (JobStorage.Current), so two
/// live hosts would hand each other's outbox jobs to the wrong database.
/// </summary>
[CollectionDefinition(nameof(SmtpHostCollection), DisableParallelization = true)]
public sealed class SmtpHostCollection;

/// <summary>Real mail through the real listener: MailKit's SMTP client (or a raw socket) against the app on a free port.</summary>
[Collection(nameof(SmtpHostCollection))]
public sealed class SmtpIntakeTests(SmtpHost host) : IClassFixture<SmtpHost>
{
    [Fact]
    public async Task Mail_from_a_Pro_Plus_domain_opens_a_priority_case_answered_250_after_commit_and_acknowledged()
    {
        var answer = await host.SendAsync(SmtpHost.Mail("Someone <someone@acme.example>", "Printer on fire", "It is really on fire."));

        Assert.Contains("Queued as case SC-", answer);
        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(answer));
        Assert.Equal(CaseQueue.Priority, supportCase.Queue);
        Assert.Equal(CaseChannel.Email, supportCase.Channel);
        Assert.Equal("someone@acme.example", supportCase.FromAddress);
        Assert.Equal("Someone", supportCase.FromName);
        Assert.False(string.IsNullOrWhiteSpace(supportCase.RoutingReason));
        Assert.Equal("It is really on fire.", supportCase.Thread[0].Body.Trim());

        var number = $"SC-{supportCase.Number}";
        var ack = await host.PickedUpMailAsync(text => text.Contains(number));
        var mime = await MimeMessage.LoadAsync(ack);
        Assert.Equal("someone@acme.example", mime.To.Mailboxes.Single().Address);
        Assert.Contains(number, mime.Subject);
    }

    [Fact]
    public async Task Mail_from_a_stranger_opens_a_standard_case_with_the_routing_reason_recorded()
    {
        var answer = await host.SendAsync(SmtpHost.Mail("stranger@example.org", "Question about pricing", "How much?"));

        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(answer));
        Assert.Equal(CaseQueue.Standard, supportCase.Queue);
        Assert.False(string.IsNullOrWhiteSpace(supportCase.RoutingReason));
        Assert.Contains(supportCase.Thread, e => e.Kind == CaseEntryKind.SystemEvent && e.Body.Contains(supportCase.RoutingReason));
    }

    [Fact]
    public async Task A_Pro_Plus_From_with_an_envelope_sender_on_another_domain_goes_to_the_standard_queue_with_the_reason()
    {
        var message = SmtpHost.Mail("ann@acme.example", "Urgent wire transfer", "Please pay this invoice today.");

        var answer = await host.SendAsync(message, MailboxAddress.Parse("bounce@evil.example"));

        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(answer));
        Assert.Equal(CaseQueue.Standard, supportCase.Queue);
        Assert.StartsWith("sender not authenticated: envelope bounce@evil.example differs from From ann@acme.example", supportCase.RoutingReason);
        Assert.Contains(supportCase.Thread, e => e.Kind == CaseEntryKind.SystemEvent && e.Body.Contains("sender not authenticated"));
    }

    [Fact]
    public async Task A_Pro_Plus_From_with_a_different_Sender_or_several_From_mailboxes_goes_to_the_standard_queue()
    {
        var withSender = SmtpHost.Mail("ann@acme.example", "Reset my MFA", "Lost my phone.");
        withSender.Sender = MailboxAddress.Parse("eve@evil.example");
        var twoFroms = SmtpHost.Mail("ann@acme.example", "Add me as admin", "Thanks.");
        twoFroms.From.Add(MailboxAddress.Parse("eve@evil.example"));

        var first = await host.CaseAsync(SmtpHost.CaseNumberIn(await host.SendAsync(withSender, MailboxAddress.Parse("ann@acme.example"))));
        var second = await host.CaseAsync(SmtpHost.CaseNumberIn(await host.SendAsync(twoFroms, MailboxAddress.Parse("ann@acme.example"))));

        Assert.Equal(CaseQueue.Standard, first.Queue);
        Assert.Contains("Sender eve@evil.example differs from From ann@acme.example", first.RoutingReason);
        Assert.Equal(CaseQueue.Standard, second.Queue);
        Assert.Contains("the From names 2 mailboxes", second.RoutingReason);
    }

    [Fact]
    public async Task A_reply_with_the_case_tag_in_the_subject_is_added_to_that_case_and_reopens_it()
    {
        var first = SmtpHost.CaseNumberIn(await host.SendAsync(SmtpHost.Mail("tagger@example.org", "VPN drops", "Every hour.")));
        await using (var db = await host.Db())
        {
            await db.Cases.Where(c => c.Number == first).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.WaitingOnCustomer));
        }
        var casesBefore = await CountCasesAsync();

        var answer = await host.SendAsync(SmtpHost.Mail("tagger@example.org", $"Re: [SC-{first}] VPN drops", "Still dropping."));

        Assert.Contains($"Added to case SC-{first}", answer);
        Assert.Equal(casesBefore, await CountCasesAsync());
        var supportCase = await host.CaseAsync(first);
        Assert.Equal(CaseStatus.Open, supportCase.Status);
        Assert.Contains(supportCase.Thread, e => e.Kind == CaseEntryKind.CustomerMessage && e.Body.Contains("Still dropping."));
    }

    [Fact]
    public async Task A_reply_to_the_acknowledgment_threads_by_In_Reply_To_without_a_tag_in_the_subject()
    {
        var first = SmtpHost.CaseNumberIn(await host.SendAsync(SmtpHost.Mail("threader@example.org", "Disk full", "Help.")));
        string ackId;
        await using (var db = await host.Db())
        {
            var supportCase = await db.Cases.SingleAsync(c => c.Number == first);
            ackId = await db.Outbox.Where(m => m.CaseId == supportCase.Id).Select(m => m.MessageId).SingleAsync();
        }
        var casesBefore = await CountCasesAsync();
        var reply = SmtpHost.Mail("threader@example.org", "Re: your mail", "Here are the logs.");
        reply.InReplyTo = ackId;
        reply.References.Add(ackId);

        var answer = await host.SendAsync(reply);

        Assert.Contains($"Added to case SC-{first}", answer);
        Assert.Equal(casesBefore, await CountCasesAsync());
        Assert.Contains((await host.CaseAsync(first)).Thread, e => e.Body.Contains("Here are the logs.") && e.MessageId == reply.MessageId);
    }

    [Fact]
    public async Task A_repeated_Message_ID_never_creates_a_second_case()
    {
        var message = SmtpHost.Mail("repeater@example.org", "Same mail twice", "Sent by a retrying relay.");

        var first = await host.SendAsync(message);
        var second = await host.SendAsync(message);

        Assert.Equal(SmtpHost.CaseNumberIn(first), SmtpHost.CaseNumberIn(second));
        Assert.Contains("Already received", second);
        await using var db = await host.Db();
        Assert.Equal(1, await db.Cases.CountAsync(c => c.MessageId == message.MessageId));
    }

    [Fact]
    public async Task An_auto_reply_opens_a_case_without_an_acknowledgment_and_the_thread_says_why()
    {
        var message = SmtpHost.Mail("vacation@example.org", "Out of office", "I am away until Monday.");
        message.Headers.Add("Auto-Submitted", "auto-replied");

        var number = SmtpHost.CaseNumberIn(await host.SendAsync(message));

        var supportCase = await host.CaseAsync(number);
        Assert.Contains(supportCase.Thread, e => e.Kind == CaseEntryKind.SystemEvent && e.Body.Contains("No acknowledgment sent") && e.Body.Contains("Auto-Submitted"));
        await using var db = await host.Db();
        Assert.False(await db.Outbox.AnyAsync(m => m.CaseId == supportCase.Id));
    }

    [Fact]
    public async Task Mail_for_another_domain_is_refused_with_550_so_the_desk_is_never_an_open_relay()
    {
        var message = SmtpHost.Mail("spammer@example.org", "Cheap watches", "Buy now.", to: "someone@gmail.com");
        var casesBefore = await CountCasesAsync();

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => host.SendAsync(message));

        Assert.Equal(550, (int)refused.StatusCode);
        Assert.Contains("relaying denied", refused.Message);
        Assert.Equal(casesBefore, await CountCasesAsync());
    }

    [Fact]
    public async Task A_recipient_outside_our_domains_is_refused_with_550_over_a_raw_socket_too()
    {
        var answers = await host.SendRawAsync("spammer@example.org", "victim@example.com", Encoding.ASCII.GetBytes("Subject: hi\r\n\r\nhi"));

        Assert.StartsWith("550", answers[3]);
    }

    [Fact]
    public async Task Unparseable_mail_is_kept_in_quarantine_answered_250_and_the_listener_keeps_accepting()
    {
        var before = await CountQuarantineAsync();

        var answers = await host.SendRawAsync("broken@example.org", "help@supportconsole.local", []);

        Assert.StartsWith("250", answers[^2]);
        Assert.Contains("Kept for review", answers[^2]);
        Assert.Equal(before + 1, await CountQuarantineAsync());
        await using (var db = await host.Db())
        {
            var kept = await db.Quarantine.OrderByDescending(q => q.Id).FirstAsync();
            Assert.Contains("broken@example.org", kept.Envelope);
            Assert.False(string.IsNullOrWhiteSpace(kept.Reason));
        }
        var next = await host.SendAsync(SmtpHost.Mail("after@example.org", "Still there?", "Yes."));
        Assert.Contains("Queued as case", next);
    }

    [Theory]
    [InlineData("support@supportconsole.local")] // the address the desk sends from
    [InlineData("help@supportconsole.local")] // the address it was sent to
    public async Task Mail_from_our_own_address_opens_no_case_and_is_kept_in_quarantine(string ours)
    {
        var cases = await CountCasesAsync();
        var quarantined = await CountQuarantineAsync();

        var answer = await host.SendAsync(SmtpHost.Mail(ours, "Auto: delivery report", "A loop would open a case and acknowledge it to ourselves."));

        Assert.Contains("Kept for review", answer);
        Assert.Contains("our own address", answer);
        Assert.Equal(cases, await CountCasesAsync());
        Assert.Equal(quarantined + 1, await CountQuarantineAsync());
    }

    [Fact]
    public async Task Mail_without_any_usable_sender_is_quarantined_not_dropped()
    {
        var before = await CountQuarantineAsync();
        var raw = Encoding.ASCII.GetBytes("To: help@supportconsole.local\r\nSubject: who am I\r\nMessage-ID: <nobody@x.example>\r\n\r\nno sender anywhere");

        var answers = await host.SendRawAsync("", "help@supportconsole.local", raw);

        Assert.StartsWith("250", answers[^2]);
        Assert.Equal(before + 1, await CountQuarantineAsync());
    }

    [Fact]
    public async Task Garbage_bytes_and_invalid_UTF8_never_crash_the_listener_and_are_kept_as_a_case_or_in_quarantine()
    {
        var garbage = new byte[] { 0xFF, 0xFE, 0x00, 0x41, 0x0D, 0x0A, 0xC3, 0x28, 0x3A, 0x3A, 0x0D, 0x0A, 0x80, 0x81 };
        var casesBefore = await CountCasesAsync();
        var quarantineBefore = await CountQuarantineAsync();

        var answers = await host.SendRawAsync("garbage@example.org", "help@supportconsole.local", garbage);

        Assert.StartsWith("250", answers[^2]);
        Assert.Equal(casesBefore + quarantineBefore + 1, await CountCasesAsync() + await CountQuarantineAsync());
        var next = await host.SendAsync(SmtpHost.Mail("after-garbage@example.org", "Still there?", "Yes."));
        Assert.Contains("Queued as case", next);
    }

    [Fact]
    public async Task Invalid_UTF8_in_subject_and_body_is_decoded_leniently()
    {
        var raw = Encoding.ASCII.GetBytes("From: utf@example.org\r\nTo: help@supportconsole.local\r\nSubject: caf")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.ASCII.GetBytes("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nbad "))
            .Concat(new byte[] { 0xE2, 0x82 })
            .Concat(Encoding.ASCII.GetBytes(" bytes"))
            .ToArray();

        var answers = await host.SendRawAsync("utf@example.org", "help@supportconsole.local", raw);

        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(answers[^2]));
        Assert.StartsWith("caf", supportCase.Subject);
        Assert.Contains("bad", supportCase.Thread[0].Body);
        Assert.Contains("bytes", supportCase.Thread[0].Body);
    }

    [Fact]
    public async Task Script_in_subject_and_body_is_kept_as_text_and_HTML_mail_is_stored_as_text()
    {
        var message = new MimeMessage { Subject = "<script>alert('x')</script> Login broken" };
        message.From.Add(MailboxAddress.Parse("scripter@example.org"));
        message.To.Add(MailboxAddress.Parse("help@supportconsole.local"));
        message.Body = new TextPart("html") { Text = "<html><head><style>p{}</style></head><body><p>Hello <b>team</b></p><script>steal()</script><p>Line two &amp; more</p></body></html>" };

        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(await host.SendAsync(message)));

        Assert.Equal("<script>alert('x')</script> Login broken", supportCase.Subject);
        var body = supportCase.Thread[0].Body;
        Assert.Contains("Hello team", body);
        Assert.Contains("Line two & more", body);
        Assert.DoesNotContain("<", body);
        Assert.DoesNotContain("steal", body);
    }

    [Fact]
    public async Task A_100_KB_subject_is_cut_with_an_ellipsis_and_kept_whole_in_the_body()
    {
        var subject = string.Concat(Enumerable.Repeat("very long subject ", 6000))[..100_000];

        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(await host.SendAsync(SmtpHost.Mail("long@example.org", subject, "The body."))));

        Assert.True(supportCase.Subject.Length <= CaseIntake.MaxSubjectLength);
        Assert.EndsWith("…", supportCase.Subject);
        Assert.Contains(subject.Trim(), supportCase.Thread[0].Body);
        Assert.Contains("The body.", supportCase.Thread[0].Body);
    }

    [Fact]
    public async Task Mail_without_a_From_header_uses_the_envelope_sender()
    {
        var raw = Encoding.ASCII.GetBytes("To: help@supportconsole.local\r\nSubject: no from header\r\n\r\nwho sent this?");

        var answers = await host.SendRawAsync("envelope@example.org", "help@supportconsole.local", raw);

        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(answers[^2]));
        Assert.Equal("envelope@example.org", supportCase.FromAddress);
    }

    [Fact]
    public async Task Attachments_are_stored_on_disk_and_recorded_on_the_customer_message()
    {
        var builder = new BodyBuilder { TextBody = "Logs attached." };
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        builder.Attachments.Add("server log.bin", bytes, new ContentType("application", "octet-stream"));
        builder.Attachments.Add("../../evil.sh", Encoding.UTF8.GetBytes("rm -rf /"), new ContentType("application", "octet-stream"));
        var message = new MimeMessage { Subject = "With attachments", Body = builder.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("attacher@example.org"));
        message.To.Add(MailboxAddress.Parse("help@supportconsole.local"));

        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(await host.SendAsync(message)));

        var entry = supportCase.Thread.First(e => e.Kind == CaseEntryKind.CustomerMessage);
        await using var db = await host.Db();
        var attachments = await db.CaseAttachments.Where(a => a.CaseEntryId == entry.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, attachments.Count);
        Assert.Equal("server log.bin", attachments[0].FileName);
        Assert.Equal(256, attachments[0].Size);
        var root = Path.Combine(host.App.DataFolder, "attachments");
        var stored = Path.GetFullPath(Path.Combine(root, attachments[0].StoragePath));
        Assert.StartsWith(Path.Combine(root, $"SC-{supportCase.Number}"), stored);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));
        var evil = Path.GetFullPath(Path.Combine(root, attachments[1].StoragePath));
        Assert.StartsWith(Path.Combine(root, $"SC-{supportCase.Number}") + Path.DirectorySeparatorChar, evil);
        Assert.True(File.Exists(evil));
    }

    [Fact]
    public async Task The_arrival_instant_is_this_server_s_clock_not_the_Date_the_sender_claims()
    {
        var message = SmtpHost.Mail("backdated@example.org", "Backdated", "Claims to be old.");
        message.Date = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(await host.SendAsync(message)));

        Assert.InRange(supportCase.ReceivedAtUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_severity_tag_in_the_subject_sets_the_severity()
    {
        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(await host.SendAsync(SmtpHost.Mail("sev@example.org", "[sev1] Production down", "All down."))));

        Assert.Equal(CaseSeverity.Critical, supportCase.Severity);
    }

    [Fact]
    public async Task The_quarantine_download_is_not_served_to_anonymous_visitors()
    {
        var client = host.App.CreateBrowserLikeClient();

        var response = await client.GetAsync("/admin/quarantine/1.eml");

        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Managers_see_the_quarantine_and_download_the_message_exactly_as_received_but_tier1_agents_do_not()
    {
        var raw = Encoding.ASCII.GetBytes("To: help@supportconsole.local\r\nSubject: for the manager\r\n\r\nnobody sent this");
        await host.SendRawAsync("", "help@supportconsole.local", raw);
        long id;
        await using (var db = await host.Db())
        {
            id = await db.Quarantine.OrderByDescending(q => q.Id).Select(q => q.Id).FirstAsync();
        }

        var manager = host.App.CreateBrowserLikeClient();
        await SignIn.AsAsync(manager, "manager@supportconsole.local", "Demo-manager-1");
        var page = await manager.GetStringAsync("/admin/quarantine");
        var download = await manager.GetAsync($"/admin/quarantine/{id}.eml");

        Assert.Contains("Quarantine", page);
        Assert.Contains($"/admin/quarantine/{id}.eml", page);
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("message/rfc822", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nobody sent this", await download.Content.ReadAsStringAsync());

        var agent = host.App.CreateBrowserLikeClient();
        await SignIn.AsAsync(agent, "tier1@supportconsole.local", "Demo-tier1-1");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await agent.GetAsync($"/admin/quarantine/{id}.eml")).StatusCode);
    }

    private async Task<int> CountCasesAsync()
    {
        await using var db = await host.Db();
        return await db.Cases.CountAsync();
    }

    private async Task<int> CountQuarantineAsync()
    {
        await using var db = await host.Db();
        return await db.Quarantine.CountAsync();
    }
}
