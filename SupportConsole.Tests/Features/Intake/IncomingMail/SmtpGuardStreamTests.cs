using System.Text;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Features.Intake.IncomingMail;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>The guard between the socket and SmtpServer, on a scripted client: what it passes on, drops and answers.</summary>
public sealed class SmtpGuardStreamTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static SmtpGuardStream Guard(ScriptedSocket socket, int limit = 1024, TimeProvider? clock = null) =>
        new(socket, limit, Idle, "desk.example", clock);

    /// <summary>Everything the guard hands SmtpServer until the end of the stream, read in small pieces.</summary>
    private static async Task<string> PassedAsync(SmtpGuardStream guard)
    {
        var passed = new MemoryStream();
        var buffer = new byte[100];
        int read;
        while ((read = await guard.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            passed.Write(buffer, 0, read);
        }
        return Encoding.Latin1.GetString(passed.ToArray());
    }

    [Fact]
    public async Task A_message_within_the_limit_passes_unchanged_even_when_every_byte_arrives_alone()
    {
        const string conversation = "Subject: hi\r\n\r\nbody\r\n..stuffed line\r\n.\r\nQUIT\r\n";
        var socket = new ScriptedSocket(Ascii(conversation).Select(b => new[] { b }));
        var guard = Guard(socket);
        await guard.WriteAsync(Ascii("354 end with <CRLF>.<CRLF>\r\n"), TestContext.Current.CancellationToken);

        var passed = await PassedAsync(guard);

        Assert.Equal(conversation, passed);
        Assert.Null(guard.TakeOverflow());
        Assert.Equal("354 end with <CRLF>.<CRLF>\r\n", Encoding.ASCII.GetString(socket.Written.ToArray()));
    }

    [Fact]
    public async Task A_message_over_the_limit_is_dropped_after_the_limit_and_ended_for_SmtpServer_with_the_size_kept()
    {
        var message = string.Concat(Enumerable.Repeat(new string('m', 98) + "\r\n", 100)); // 10,000 bytes
        var script = Ascii(message + "\r\n.\r\nQUIT\r\n").Chunk(1000);
        var guard = Guard(new ScriptedSocket(script));
        await guard.WriteAsync(Ascii("354 go ahead\r\n"), TestContext.Current.CancellationToken);

        var passed = await PassedAsync(guard);

        Assert.EndsWith("x\r\n.\r\nQUIT\r\n", passed);
        Assert.InRange(passed.Length, 1024, 1024 + 64);
        Assert.StartsWith(message[..1000], passed);
        Assert.Equal(message.Length, guard.TakeOverflow());
        Assert.Null(guard.TakeOverflow());
    }

    [Fact]
    public async Task Only_the_bytes_after_a_354_count_as_a_message()
    {
        var longCommands = string.Concat(Enumerable.Repeat("NOOP " + new string('n', 90) + "\r\n", 50)); // 4,850 bytes of commands
        var guard = Guard(new ScriptedSocket([Ascii(longCommands)]));

        Assert.Equal(longCommands, await PassedAsync(guard));
        Assert.Null(guard.TakeOverflow());
    }

    [Fact]
    public async Task A_command_line_over_64_KB_is_answered_500_and_the_stream_ends()
    {
        var socket = new ScriptedSocket(Ascii(new string('A', SmtpGuardStream.MaxCommandLineBytes + 5000)).Chunk(16 * 1024));
        var guard = Guard(socket);

        var passed = await PassedAsync(guard);

        Assert.Equal(SmtpGuardStream.MaxCommandLineBytes, passed.Length);
        Assert.StartsWith("500 5.5.2 line too long", Encoding.ASCII.GetString(socket.Written.ToArray()));
    }

    [Fact]
    public async Task A_silent_client_is_answered_421_when_the_idle_time_is_up_and_not_before()
    {
        var clock = new FakeTimeProvider();
        var socket = new ScriptedSocket([Ascii("EHLO a\r\n")], hangAtEnd: true);
        var guard = Guard(socket, clock: clock);
        var buffer = new byte[100];
        Assert.Equal(8, await guard.ReadAsync(buffer, TestContext.Current.CancellationToken));

        var waiting = guard.ReadAsync(buffer, TestContext.Current.CancellationToken).AsTask();
        clock.Advance(Idle - TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, await waiting);
        Assert.Equal("421 4.4.2 desk.example nothing received for 60 seconds, closing connection\r\n", Encoding.ASCII.GetString(socket.Written.ToArray()));
        await guard.WriteAsync(Ascii("250 late\r\n"), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("late", Encoding.ASCII.GetString(socket.Written.ToArray()));
    }
}
