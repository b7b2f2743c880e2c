namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>
/// A client's side of a socket for stream tests: reads hand out the scripted chunks in order, then the end of the
/// stream (or, with <paramref name="hangAtEnd"/>, nothing until cancelled); writes are collected.
/// </summary>
public sealed class ScriptedSocket(IEnumerable<byte[]> chunks, bool hangAtEnd = false) : Stream
{
    private readonly Queue<byte[]> reads = new(chunks);

    public MemoryStream Written { get; } = new();

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (reads.TryDequeue(out var chunk))
        {
            Assert.True(chunk.Length <= destination.Length, "a scripted chunk must fit the reader's buffer");
            chunk.CopyTo(destination);
            return chunk.Length;
        }
        if (hangAtEnd)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return 0;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        Written.Write(source.Span);
        return ValueTask.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

    public override void Flush()
    {
    }

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
}
