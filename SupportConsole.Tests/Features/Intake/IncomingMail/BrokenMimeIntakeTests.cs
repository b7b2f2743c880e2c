using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Intake.IncomingMail;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>
/// Mail whose MIME is not clean loses nothing: the case (or the reply on a thread) gets the raw message attached as
/// original-message.eml, byte for byte as sent, and an internal note saying what happened.
/// </summary>
[Collection(nameof(SmtpHostCollection))]
public sealed class BrokenMimeIntakeTests(SmtpHost host) : IClassFixture<SmtpHost>
{
    public static TheoryData<string> Kinds() => ["nesting 5000 deep", "boundary never closes", "multipart without parts", "body without text"];

    private static (byte[] Raw, string Says) Broken(string kind, string from, string subject) => kind switch
    {
        "nesting 5000 deep" => (BrokenMime.DeepNesting(5000, from, subject), $"nested deeper than {MimeHealth.MaxMimeDepth} levels"),
        "boundary never closes" => (BrokenMime.NeverClosingBoundary(from, subject), $"the boundary \"{BrokenMime.UnclosedBoundary}\" never closes"),
        "multipart without parts" => (BrokenMime.EmptyMultipart(from, subject), "a multipart/mixed part has no parts"),
        _ => (BrokenMime.UnreadableBody(from, subject), "text could not be read from its MIME structure"),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_new_case_keeps_the_raw_message_and_says_what_happened(string kind)
    {
        var (raw, says) = Broken(kind, "broken-mime@example.org", $"Broken: {kind}");

        var answers = await host.SendRawAsync("broken-mime@example.org", "help@supportconsole.local", raw);

        Assert.Contains("Queued as case", answers[^2]);
        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(answers[^2]));
        var note = Assert.Single(supportCase.Thread, e => e.Kind == CaseEntryKind.InternalNote && e.Author == "SupportConsole");
        Assert.Contains(says, note.Body);
        Assert.EndsWith("the original message is attached as original-message.eml.", note.Body);
        var message = supportCase.Thread.First(e => e.Kind == CaseEntryKind.CustomerMessage);
        Assert.Equal(raw, await OriginalOnAsync(message.Id, supportCase.Number));
    }

    [Fact]
    public async Task A_reply_on_a_thread_keeps_the_raw_message_and_says_what_happened()
    {
        var first = SmtpHost.CaseNumberIn(await host.SendAsync(SmtpHost.Mail("broken-reply@example.org", "Disk errors", "They keep coming.")));
        var (raw, says) = Broken("boundary never closes", "broken-reply@example.org", $"Re: [SC-{first}] Disk errors");

        var answers = await host.SendRawAsync("broken-reply@example.org", "help@supportconsole.local", raw);

        Assert.Contains($"Added to case SC-{first}", answers[^2]);
        var supportCase = await host.CaseAsync(first);
        var note = Assert.Single(supportCase.Thread, e => e.Kind == CaseEntryKind.InternalNote && e.Body.Contains(says));
        Assert.Contains("original-message.eml", note.Body);
        var reply = supportCase.Thread.Last(e => e.Kind == CaseEntryKind.CustomerMessage);
        Assert.Contains("The first part.", reply.Body);
        Assert.Equal(raw, await OriginalOnAsync(reply.Id, first));
    }

    [Fact]
    public async Task The_same_broken_mail_sent_twice_keeps_one_original_and_one_note()
    {
        var (raw, says) = Broken("multipart without parts", "broken-twice@example.org", "Sent twice");

        var first = await host.SendRawAsync("broken-twice@example.org", "help@supportconsole.local", raw);
        var second = await host.SendRawAsync("broken-twice@example.org", "help@supportconsole.local", raw);

        Assert.Contains("Already received", second[^2]);
        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(first[^2]));
        Assert.Single(supportCase.Thread, e => e.Kind == CaseEntryKind.InternalNote && e.Body.Contains(says));
        await using var db = await host.Db();
        var entryIds = supportCase.Thread.Select(e => e.Id).ToList();
        Assert.Equal(1, await db.CaseAttachments.CountAsync(a => entryIds.Contains(a.CaseEntryId) && a.FileName == MimeHealth.OriginalFileName));
    }

    [Fact]
    public async Task Clean_mail_gets_no_original_attached_and_no_note()
    {
        var supportCase = await host.CaseAsync(SmtpHost.CaseNumberIn(await host.SendAsync(SmtpHost.Mail("clean-mime@example.org", "Clean", "Nothing broken."))));

        Assert.DoesNotContain(supportCase.Thread, e => e.Kind == CaseEntryKind.InternalNote);
        await using var db = await host.Db();
        var entryIds = supportCase.Thread.Select(e => e.Id).ToList();
        Assert.False(await db.CaseAttachments.AnyAsync(a => entryIds.Contains(a.CaseEntryId)));
    }

    /// <summary>The bytes of the original-message.eml on an entry (message/rfc822, under the case's folder).</summary>
    private async Task<byte[]> OriginalOnAsync(long entryId, long caseNumber)
    {
        await using var db = await host.Db();
        CaseAttachment original = await db.CaseAttachments.SingleAsync(a => a.CaseEntryId == entryId && a.FileName == MimeHealth.OriginalFileName);
        Assert.Equal("message/rfc822", original.ContentType);
        var root = Path.Combine(host.App.DataFolder, "attachments");
        var path = Path.GetFullPath(Path.Combine(root, original.StoragePath));
        Assert.StartsWith(Path.Combine(root, $"SC-{caseNumber}"), path);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(original.Size, bytes.Length);
        return bytes;
    }
}
