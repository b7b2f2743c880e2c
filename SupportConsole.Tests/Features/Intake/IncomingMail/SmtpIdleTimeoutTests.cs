using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>
/// A silent client is answered 421 and disconnected by the server: the test waits on the socket itself (the reply,
/// then the end of the stream), with the reader's own 30-second timeout as the failure.
/// </summary>
[Collection(nameof(SmtpHostCollection))]
public sealed class SmtpIdleTimeoutTests(SmtpIdleHost fixture) : IClassFixture<SmtpIdleHost>
{
    private SmtpHost Host => fixture.Host;

    [Fact]
    public async Task A_connection_that_sends_nothing_after_the_greeting_is_answered_421_and_closed()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Host.Port);
        var stream = tcp.GetStream();
        Assert.StartsWith("220", await SmtpHost.ReadReplyAsync(stream));

        var closing = await SmtpHost.ReadReplyAsync(stream);

        Assert.StartsWith("421 4.4.2", closing);
        Assert.Contains("nothing received for 1 seconds", closing);
        Assert.Equal(0, await stream.ReadAsync(new byte[1], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_client_that_stops_in_the_middle_of_DATA_is_answered_421_closed_and_nothing_is_stored()
    {
        int before;
        await using (var db = await Host.Db())
        {
            before = await db.Cases.CountAsync() + await db.Quarantine.CountAsync();
        }
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Host.Port);
        var stream = tcp.GetStream();
        Assert.StartsWith("220", await SmtpHost.ReadReplyAsync(stream));
        foreach (var (command, expected) in new[] { ("EHLO tester.example", "250"), ("MAIL FROM:<slow@example.org>", "250"), ("RCPT TO:<help@supportconsole.local>", "250"), ("DATA", "354") })
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            Assert.StartsWith(expected, await SmtpHost.ReadReplyAsync(stream));
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes("From: slow@example.org\r\nSubject: half a message\r\n\r\nand then nothing"));

        var closing = await SmtpHost.ReadReplyAsync(stream);

        Assert.StartsWith("421 4.4.2", closing);
        Assert.Equal(0, await stream.ReadAsync(new byte[1], TestContext.Current.CancellationToken));
        await using (var db = await Host.Db())
        {
            Assert.Equal(before, await db.Cases.CountAsync() + await db.Quarantine.CountAsync());
        }
    }
}
