using System.Text;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>
/// The socket of one SMTP connection as SmtpServer sees it. SmtpServer keeps a whole message (and a whole command line)
/// in memory before anything can look at its size, so this stream bounds what reaches it:
/// <list type="bullet">
/// <item>In DATA (after the server's 354) it counts the message's bytes; past <c>Email:MaxMessageBytes</c> it stops
/// passing them on and reads the rest of the message off the socket into nothing, up to the client's final
/// <c>CRLF.CRLF</c>. SmtpServer then gets an end-of-data mark, and <see cref="IntakeMessageStore"/>, seeing
/// <see cref="TakeOverflow"/>, answers 552 5.3.4 with the size and the limit. The client reads its answer after its
/// last byte, as from Postfix, so it knows not to retry; memory stays at the limit whatever is sent.</item>
/// <item>A command line longer than <see cref="MaxCommandLineBytes"/> is answered 500 and the connection closed.</item>
/// <item>A client that sends nothing for <c>Email:Smtp:IdleTimeoutSeconds</c>, between commands or in the middle of
/// DATA, is answered 421 4.4.2 and the connection closed.</item>
/// </list>
/// SmtpServer reads only while it waits for the client, so the answers written here never interleave with its own.
/// </summary>
/// <param name="clock">Times the idle limit; the system's unless a test fakes it.</param>
public sealed class SmtpGuardStream(Stream inner, int maxMessageBytes, TimeSpan idleTimeout, string serverName, TimeProvider? clock = null) : Stream
{
    /// <summary>The key of this stream in SmtpServer's session properties.</summary>
    public const string PropertyKey = "SupportConsole:SmtpGuardStream";

    /// <summary>Far above RFC 5321's 512 octets for a command line, far below anything that costs memory.</summary>
    public const int MaxCommandLineBytes = 64 * 1024;

    private enum Mode
    {
        Command,
        Data,
        Discarding,
    }

    // "x" first: whatever partial "\r\n." SmtpServer already holds, the first CRLF.CRLF it finds is this one.
    private static readonly byte[] EndOfDiscardedData = "x\r\n.\r\n"u8.ToArray();

    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private ReadOnlyMemory<byte> pending;
    private Mode mode = Mode.Command;
    private int endMatch; // how much of "\r\n.\r\n" the data stream ends with
    private long dataBytes;
    private long? overflow;
    private int commandLineBytes;
    private int outputLinePosition;
    private readonly byte[] outputLineStart = new byte[3];
    private bool closed;

    /// <summary>When the last message went over the limit: its size in bytes (dot-stuffing not counted); cleared by the call.</summary>
    public long? TakeOverflow()
    {
        var size = overflow;
        overflow = null;
        return size;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (!closed)
        {
            if (pending.Length > 0)
            {
                var count = Math.Min(pending.Length, destination.Length);
                pending[..count].CopyTo(destination);
                pending = pending[count..];
                return count;
            }
            if (mode == Mode.Command && commandLineBytes > MaxCommandLineBytes)
            {
                await CloseWithAsync($"500 5.5.2 line too long: a command line is at most {MaxCommandLineBytes} bytes");
                break;
            }
            if (start == end)
            {
                start = 0;
                end = await ReadFromClientAsync(cancellationToken);
                if (end == 0)
                {
                    return 0;
                }
            }
            var produced = Pass(destination.Span);
            if (produced > 0)
            {
                return produced;
            }
        }
        return 0;
    }

    /// <summary>Moves bytes from the socket buffer to SmtpServer's, following the client from commands into DATA and out.</summary>
    private int Pass(Span<byte> destination)
    {
        var written = 0;
        while (start < end && written < destination.Length)
        {
            var b = buffer[start];
            if (mode == Mode.Command && b != '\n' && commandLineBytes >= MaxCommandLineBytes)
            {
                commandLineBytes++; // left unread: the next read answers 500 and closes
                return written;
            }
            start++;
            switch (mode)
            {
                case Mode.Command:
                    commandLineBytes = b == '\n' ? 0 : commandLineBytes + 1;
                    destination[written++] = b;
                    break;

                case Mode.Data:
                    destination[written++] = b;
                    var stuffing = endMatch == 2 && b == '.';
                    endMatch = NextEndMatch(endMatch, b);
                    if (endMatch == 5)
                    {
                        EndData();
                    }
                    else if (!stuffing && ++dataBytes > maxMessageBytes + 5L)
                    {
                        mode = Mode.Discarding;
                    }
                    break;

                default:
                    dataBytes++;
                    endMatch = NextEndMatch(endMatch, b);
                    if (endMatch == 5)
                    {
                        overflow = dataBytes - 5;
                        EndData();
                        pending = EndOfDiscardedData;
                        return written;
                    }
                    break;
            }
        }
        return written;
    }

    private void EndData()
    {
        mode = Mode.Command;
        endMatch = 0;
        commandLineBytes = 0;
    }

    /// <summary>The longest prefix of "\r\n.\r\n" the data ends with, after one more byte (5: the end of the message).</summary>
    private static int NextEndMatch(int matched, byte b) => (matched, b) switch
    {
        (1, (byte)'\n') => 2,
        (2, (byte)'.') => 3,
        (3, (byte)'\r') => 4,
        (4, (byte)'\n') => 5,
        (_, (byte)'\r') => 1,
        _ => 0,
    };

    private async Task<int> ReadFromClientAsync(CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(idleTimeout, clock ?? TimeProvider.System);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await inner.ReadAsync(buffer, either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await CloseWithAsync($"421 4.4.2 {serverName} nothing received for {idleTimeout.TotalSeconds:0} seconds, closing connection");
            return 0;
        }
    }

    /// <summary>Answers once and stops both directions; SmtpServer then sees the end of the stream and closes the socket.</summary>
    private async Task CloseWithAsync(string reply)
    {
        closed = true;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await inner.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), timeout.Token);
            await inner.FlushAsync(timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone already.
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        if (closed)
        {
            return;
        }
        WatchReplies(source.Span);
        await inner.WriteAsync(source, cancellationToken);
    }

    /// <summary>A reply line starting "354" means the client's next bytes are a message.</summary>
    private void WatchReplies(ReadOnlySpan<byte> output)
    {
        foreach (var b in output)
        {
            if (b == '\n')
            {
                outputLinePosition = 0;
                continue;
            }
            if (outputLinePosition < 3)
            {
                outputLineStart[outputLinePosition] = b;
                if (outputLinePosition == 2 && outputLineStart.AsSpan().SequenceEqual("354"u8))
                {
                    mode = Mode.Data;
                    endMatch = 0;
                    dataBytes = 0;
                    overflow = null;
                }
            }
            outputLinePosition++;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Leaves the socket open: the listener closes it when the session ends, after freeing its connection slot.</summary>
    protected override void Dispose(bool disposing)
    {
        closed = true;
        base.Dispose(disposing);
    }
}
