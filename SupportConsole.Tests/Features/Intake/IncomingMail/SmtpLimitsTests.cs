using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>
/// The listener's limits over real sockets: a message far over the limit is refused while it streams in (memory stays
/// near the limit, not the message), and connections over the cap are refused with 421.
/// </summary>
[Collection(nameof(SmtpHostCollection))]
public sealed class SmtpLimitsTests(SmtpLimitsHost fixture, ITestOutputHelper output) : IClassFixture<SmtpLimitsHost>
{
    private SmtpHost Host => fixture.Host;

    [Fact]
    public async Task A_200_MB_message_over_a_1_MB_limit_is_refused_with_552_while_memory_stays_bounded_and_nothing_is_stored()
    {
        const int chunks = 200;
        var line = Encoding.ASCII.GetBytes(new string('y', 78) + "\r\n");
        var chunk = new byte[1024 * 1024];
        for (var i = 0; i + line.Length <= chunk.Length; i += line.Length)
        {
            line.CopyTo(chunk, i);
        }
        var before = await StoredAsync();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Host.Port);
        await using var stream = tcp.GetStream();
        Assert.StartsWith("220", await SmtpHost.ReadReplyAsync(stream));
        Assert.StartsWith("250", await CommandAsync(stream, "EHLO tester.example"));
        Assert.StartsWith("250", await CommandAsync(stream, "MAIL FROM:<huge@example.org>"));
        Assert.StartsWith("250", await CommandAsync(stream, "RCPT TO:<help@supportconsole.local>"));
        Assert.StartsWith("354", await CommandAsync(stream, "DATA"));
        await stream.WriteAsync(Encoding.ASCII.GetBytes("From: huge@example.org\r\nTo: help@supportconsole.local\r\nSubject: 200 MB\r\n\r\n"));
        for (var i = 1; i <= chunks; i++)
        {
            await stream.WriteAsync(chunk);
            if (i % 20 == 0)
            {
                // Live memory after a full collection: what the server holds, not garbage (other tests run in parallel).
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }
        var answer = await CommandAsync(stream, "\r\n.");
        var quit = await CommandAsync(stream, "QUIT");

        var growth = peak - baseline;
        output.WriteLine($"Sent {chunks} MB against a {SmtpLimitsHost.MaxMessageBytes} byte limit; the live managed heap grew at most {growth / (1024.0 * 1024):0.0} MB.");
        Assert.StartsWith("552 5.3.4", answer);
        Assert.Contains($"the limit is {SmtpLimitsHost.MaxMessageBytes}", answer);
        Assert.StartsWith("221", quit); // the session was still in step: the client read its answer after its last byte
        Assert.True(growth < 64L * 1024 * 1024, $"The heap grew by {growth} bytes while a {chunks} MB message was refused.");
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_message_just_under_the_limit_still_opens_a_case()
    {
        var body = string.Join("\r\n", Enumerable.Repeat(new string('z', 78), (SmtpLimitsHost.MaxMessageBytes - 4096) / 80));
        var raw = Encoding.ASCII.GetBytes("From: fits@example.org\r\nTo: help@supportconsole.local\r\nSubject: nearly 1 MB\r\n\r\n" + body);
        Assert.InRange(raw.Length, SmtpLimitsHost.MaxMessageBytes - 8192, SmtpLimitsHost.MaxMessageBytes);

        var answers = await Host.SendRawAsync("fits@example.org", "help@supportconsole.local", raw);

        Assert.Contains("Queued as case", answers[^2]);
    }

    [Fact]
    public async Task A_connection_over_the_cap_is_answered_421_and_closed_and_a_freed_slot_serves_the_next()
    {
        var open = new List<TcpClient>();
        try
        {
            for (var i = 0; i < SmtpLimitsHost.MaxConnections; i++)
            {
                var client = new TcpClient();
                open.Add(client);
                await client.ConnectAsync(IPAddress.Loopback, Host.Port);
                Assert.StartsWith("220", await SmtpHost.ReadReplyAsync(client.GetStream()));
            }

            using (var extra = new TcpClient())
            {
                await extra.ConnectAsync(IPAddress.Loopback, Host.Port);
                var refused = await SmtpHost.ReadReplyAsync(extra.GetStream());
                Assert.StartsWith("421 4.7.0", refused);
                Assert.Contains("too many connections", refused);
                Assert.Equal(0, await extra.GetStream().ReadAsync(new byte[1], TestContext.Current.CancellationToken));
            }

            // QUIT, then the server closing the socket: the slot is free once the close is seen.
            var first = open[0].GetStream();
            Assert.StartsWith("221", await CommandAsync(first, "QUIT"));
            Assert.Equal(0, await first.ReadAsync(new byte[1], TestContext.Current.CancellationToken));

            using var next = new TcpClient();
            await next.ConnectAsync(IPAddress.Loopback, Host.Port);
            var nextStream = next.GetStream();
            Assert.StartsWith("220", await SmtpHost.ReadReplyAsync(nextStream));
            Assert.StartsWith("250", await CommandAsync(nextStream, "EHLO tester.example"));
        }
        finally
        {
            open.ForEach(c => c.Dispose());
        }
    }

    private static async Task<string> CommandAsync(NetworkStream stream, string line)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
        return await SmtpHost.ReadReplyAsync(stream);
    }

    private async Task<(int Cases, int Quarantined, int Attachments)> StoredAsync()
    {
        await using var db = await Host.Db();
        return (await db.Cases.CountAsync(), await db.Quarantine.CountAsync(), await db.CaseAttachments.CountAsync());
    }
}
