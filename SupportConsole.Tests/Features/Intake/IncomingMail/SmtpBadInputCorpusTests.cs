using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Intake.IncomingMail;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>
/// The bad-input corpus for the mail channel: hostile or broken mail over a raw socket. Each row gets the clear SMTP
/// answer it should, and nothing is lost: a refused message is refused with a 5xx (the sender keeps it) and stores
/// nothing; an accepted one is held by a case, a thread entry or a quarantine row. The run prints its counts.
/// </summary>
[Collection(nameof(SmtpHostCollection))]
public sealed partial class SmtpBadInputCorpusTests(SmtpCorpusHost fixture, ITestOutputHelper output) : IClassFixture<SmtpCorpusHost>
{
    private const string Desk = "help@supportconsole.local";

    private SmtpHost Host => fixture.Host;

    /// <summary>
    /// One message: its envelope and bytes, the reply it must get (code prefix and words in it), and whether it is
    /// refused (5xx, nothing stored) or accepted (250, held somewhere). <paramref name="Check"/> adds a row's own condition.
    /// </summary>
    private sealed record Row(string Name, string MailFrom, IReadOnlyList<string> To, byte[] Raw, string Token, string Reply, string Says, bool Refused, Func<string, Task<string?>>? Check = null);

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Token() => $"corpus-{Guid.NewGuid():N}"[..20];

    private static string Plain(string from, string subject, string body, string? extraHeaders = null, string? messageId = null) =>
        $"From: {from}\r\nTo: {Desk}\r\nSubject: {subject}\r\nMessage-ID: <{messageId ?? Guid.NewGuid().ToString("N") + "@sender.example"}>\r\n{extraHeaders}\r\n{body}\r\n";

    private async Task<IReadOnlyList<Row>> RowsAsync()
    {
        var rows = new List<Row>();
        void Add(string name, Func<string, Row> make) => rows.Add(make(Token()) with { Name = name });

        Add("oversized, streamed (3 MB over a 1 MB limit)", t =>
        {
            var body = string.Concat(Enumerable.Repeat(new string('o', 78) + "\r\n", 3 * 1024 * 1024 / 80));
            return new("", "big@example.org", [Desk], Ascii(Plain("big@example.org", t, body)), t, "552 5.3.4", $"the limit is {SmtpCorpusHost.MaxMessageBytes}", Refused: true);
        });
        Add("recipient outside our domains", t =>
            new("", "relay@example.org", ["victim@example.com"], Ascii(Plain("relay@example.org", t, t)), t, "550 5.7.1", "relaying denied", Refused: true));
        Add("boundary never closes", t =>
            new("", "unclosed@example.org", [Desk], BrokenMime.NeverClosingBoundary("unclosed@example.org", t), t, "250", "Queued as case", Refused: false, reply => OriginalKeptAsync(reply, t)));
        Add("nesting 5,000 deep", t =>
            new("", "deep@example.org", [Desk], BrokenMime.DeepNesting(5000, "deep@example.org", t), t, "250", "Queued as case", Refused: false, reply => OriginalKeptAsync(reply, t)));
        Add("multipart without parts", t =>
            new("", "empty@example.org", [Desk], BrokenMime.EmptyMultipart("empty@example.org", t), t, "250", "Queued as case", Refused: false, reply => OriginalKeptAsync(reply, t)));
        Add("no From header", t =>
            new("", "envelope-only@example.org", [Desk], Ascii($"To: {Desk}\r\nSubject: {t}\r\n\r\n{t}\r\n"), t, "250", "Queued as case", Refused: false));
        Add("no sender anywhere", t =>
            new("", "", [Desk], Ascii($"To: {Desk}\r\nSubject: {t}\r\n\r\n{t}\r\n"), t, "250", "Kept for review", Refused: false));
        Add("two From mailboxes", t =>
            new("", "ann@acme.example", [Desk], Ascii(Plain("ann@acme.example, eve@evil.example", t, t)), t, "250", "Queued as case", Refused: false));
        Add("Sender header differing from From", t =>
            new("", "ann@acme.example", [Desk], Ascii(Plain("ann@acme.example", t, t, "Sender: eve@evil.example\r\n")), t, "250", "Queued as case", Refused: false));
        Add("8-bit garbage in headers", t =>
            new("", "garbage@example.org", [Desk], [.. Ascii("From: garbage@example.org\r\nSubject: "), 0xFF, 0xFE, 0x80, 0xC3, 0x28, .. Ascii($" {t}\r\nX-Junk: "), 0x81, 0x9F, 0xE2, 0x82, .. Ascii($"\r\n\r\n{t}\r\n")], t, "250", "", Refused: false));
        Add("NUL bytes in headers and body", t =>
            new("", "nul@example.org", [Desk], [.. Ascii("From: nul@example.org\r\nSubject: a"), 0x00, .. Ascii($"b {t}\r\n\r\nbody"), 0x00, 0x00, .. Ascii($" {t}\r\n")], t, "250", "", Refused: false));
        Add("1,000 recipients", t =>
            new("", "many@example.org", [.. Enumerable.Range(0, 1000).Select(i => $"help+{i}@supportconsole.local")], Ascii(Plain("many@example.org", t, t)), t, "250", "Queued as case", Refused: false));
        Add("script in the subject", t =>
            new("", "script@example.org", [Desk], Ascii(Plain("script@example.org", $"<script>alert('{t}')</script>", t)), t, "250", "Queued as case", Refused: false, async reply =>
            {
                var subject = (await Host.CaseAsync(SmtpHost.CaseNumberIn(reply))).Subject;
                return subject == $"<script>alert('{t}')</script>" ? null : $"the subject was stored as \"{subject}\"";
            }));
        Add("mail from our own address", t =>
            new("", "support@supportconsole.local", [Desk], Ascii(Plain("support@supportconsole.local", t, t)), t, "250", "our own address", Refused: false));

        // Rows that need something there first: a case for a stranger to quote, a Message-ID for another sender to reuse.
        var quoted = SmtpHost.CaseNumberIn(await Host.SendAsync(SmtpHost.Mail("owner@example.org", "Original case", "Mine.")));
        Add("stranger quoting a case number", t =>
            new("", "stranger@example.org", [Desk], Ascii(Plain("stranger@example.org", $"Re: [SC-{quoted}] {t}", t)), t, "250", "Queued as case", Refused: false, reply =>
                Task.FromResult(SmtpHost.CaseNumberIn(reply) == quoted ? $"it was added to SC-{quoted}, which the stranger is not a participant of" : null)));
        var reusedId = $"reused-{Guid.NewGuid():N}@sender.example";
        var firstWithId = SmtpHost.CaseNumberIn(string.Join("\n", await Host.SendRawAsync("first@example.org", Desk, Ascii(Plain("first@example.org", "First with this ID", "First.", messageId: reusedId)))));
        Add("Message-ID reused by another sender", t =>
            new("", "second@example.org", [Desk], Ascii(Plain("second@example.org", t, t, messageId: reusedId)), t, "250", "Queued as case", Refused: false, reply =>
                Task.FromResult(SmtpHost.CaseNumberIn(reply) == firstWithId ? $"it was taken for a repeat of SC-{firstWithId}" : null)));
        return rows;
    }

    [Fact]
    public async Task Every_row_gets_a_clear_answer_and_nothing_accepted_is_lost()
    {
        var rows = await RowsAsync();
        var failures = new List<string>();
        int refused = 0, accepted = 0, unexpected5xx = 0, lost = 0;

        foreach (var row in rows)
        {
            var before = await StoredAsync();
            var reply = await SendAsync(row);
            var problems = new List<string>();
            var held = "";
            if (!reply.StartsWith(row.Reply, StringComparison.Ordinal) || !reply.Contains(row.Says, StringComparison.Ordinal))
            {
                problems.Add($"expected \"{row.Reply} ... {row.Says}\"");
            }
            if (reply.StartsWith('5'))
            {
                if (row.Refused)
                {
                    refused++;
                    if (await StoredAsync() != before)
                    {
                        problems.Add("refused, yet something was stored");
                    }
                }
                else
                {
                    unexpected5xx++;
                }
            }
            else if (reply.StartsWith('2'))
            {
                accepted++;
                if (await HolderAsync(reply, row) is not { } holder)
                {
                    lost++;
                    problems.Add("answered 250 but no case, thread entry or quarantine row holds it");
                }
                else if (row.Check is not null && await row.Check(reply) is { } wrong)
                {
                    problems.Add(wrong);
                }
                else
                {
                    held = $" -> held by {holder}";
                }
            }
            else
            {
                problems.Add("neither accepted nor refused");
            }
            output.WriteLine($"{row.Name}: {Shown(reply)}{held}{(problems.Count > 0 ? "  <-- " + string.Join("; ", problems) : "")}");
            failures.AddRange(problems.Select(p => $"{row.Name}: {p} (got \"{Shown(reply)}\")"));
        }

        output.WriteLine($"SMTP corpus: tried {rows.Count}, refused {refused}, accepted {accepted}, 5xx-unexpected {unexpected5xx}, lost {lost}");
        Assert.Equal(rows.Count, refused + accepted + unexpected5xx);
        Assert.Equal(0, unexpected5xx);
        Assert.Equal(0, lost);
        Assert.Empty(failures);
    }

    private static string Shown(string reply) => reply.Length <= 160 ? reply : reply[..157] + "...";

    /// <summary>
    /// Speaks SMTP for one row and returns the answer that decides it: the reply after the message, or the first
    /// refusal before it. Every RCPT of an accepted row must get 250. The message is dot-stuffed as a client would.
    /// </summary>
    private async Task<string> SendAsync(Row row)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Host.Port);
        await using var stream = tcp.GetStream();
        async Task<string> Command(string line)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
            return await SmtpHost.ReadReplyAsync(stream);
        }
        Assert.StartsWith("220", await SmtpHost.ReadReplyAsync(stream));
        Assert.StartsWith("250", await Command("EHLO corpus.example"));
        Assert.StartsWith("250", await Command($"MAIL FROM:<{row.MailFrom}>"));
        var recipients = new List<string>();
        foreach (var to in row.To)
        {
            recipients.Add(await Command($"RCPT TO:<{to}>"));
        }
        if (recipients.FirstOrDefault(r => !r.StartsWith("250", StringComparison.Ordinal)) is { } refusedRecipient)
        {
            await Command("QUIT");
            return refusedRecipient;
        }
        var data = await Command("DATA");
        if (!data.StartsWith("354", StringComparison.Ordinal))
        {
            return data;
        }
        await stream.WriteAsync(DotStuffed(row.Raw));
        var answer = await Command("\r\n.");
        await Command("QUIT");
        return answer;
    }

    private static byte[] DotStuffed(byte[] raw)
    {
        var stuffed = new List<byte>(raw.Length + 64);
        for (var i = 0; i < raw.Length; i++)
        {
            stuffed.Add(raw[i]);
            if (raw[i] == '\n' && i + 1 < raw.Length && raw[i + 1] == '.')
            {
                stuffed.Add((byte)'.');
            }
        }
        return [.. stuffed];
    }

    /// <summary>What holds an accepted message: the quarantine row with its exact bytes, or the case whose subject or thread has the row's token or whose thread has the original attached byte for byte.</summary>
    private async Task<string?> HolderAsync(string reply, Row row)
    {
        await using var db = await Host.Db();
        if (QuarantineId().Match(reply) is { Success: true } quarantined)
        {
            var id = long.Parse(quarantined.Groups[1].Value);
            var raw = await db.Quarantine.AsNoTracking().Where(q => q.Id == id).Select(q => q.Raw).FirstOrDefaultAsync();
            return raw is not null && raw.SequenceEqual(row.Raw) ? $"quarantine #{id}" : null;
        }
        if (!CaseTag().IsMatch(reply))
        {
            return null;
        }
        var supportCase = await Host.CaseAsync(SmtpHost.CaseNumberIn(reply));
        if (await OriginalsAsync(supportCase.Thread.Select(e => e.Id).ToList()) is var originals && originals.Any(o => o.SequenceEqual(row.Raw)))
        {
            return $"SC-{supportCase.Number}'s {MimeHealth.OriginalFileName}";
        }
        return supportCase.Subject.Contains(row.Token) || supportCase.Thread.Any(e => e.Body.Contains(row.Token)) ? $"SC-{supportCase.Number}'s text" : null;
    }

    private async Task<List<byte[]>> OriginalsAsync(List<long> entryIds)
    {
        await using var db = await Host.Db();
        var paths = await db.CaseAttachments.AsNoTracking().Where(a => entryIds.Contains(a.CaseEntryId) && a.FileName == MimeHealth.OriginalFileName).Select(a => a.StoragePath).ToListAsync();
        var originals = new List<byte[]>();
        foreach (var path in paths)
        {
            originals.Add(await File.ReadAllBytesAsync(Path.Combine(Host.App.DataFolder, "attachments", path)));
        }
        return originals;
    }

    /// <summary>For broken MIME: the case must hold the original as sent and a note saying so, not only some text.</summary>
    private async Task<string?> OriginalKeptAsync(string reply, string token)
    {
        var supportCase = await Host.CaseAsync(SmtpHost.CaseNumberIn(reply));
        var originals = await OriginalsAsync(supportCase.Thread.Select(e => e.Id).ToList());
        if (originals.Count != 1 || !Encoding.ASCII.GetString(originals[0]).Contains(token))
        {
            return $"{originals.Count} {MimeHealth.OriginalFileName} attachments, expected the one sent";
        }
        return supportCase.Thread.Any(e => e.Kind == CaseEntryKind.InternalNote && e.Body.Contains($"attached as {MimeHealth.OriginalFileName}"))
            ? null
            : "no internal note says what happened";
    }

    private async Task<(int Cases, int Entries, int Quarantined, int Attachments)> StoredAsync()
    {
        await using var db = await Host.Db();
        return (await db.Cases.CountAsync(), await db.CaseEntries.CountAsync(), await db.Quarantine.CountAsync(), await db.CaseAttachments.CountAsync());
    }

    [GeneratedRegex(@"quarantine #(\d+)")]
    private static partial Regex QuarantineId();

    [GeneratedRegex(@"SC-\d+")]
    private static partial Regex CaseTag();
}
