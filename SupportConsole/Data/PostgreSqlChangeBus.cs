using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using Npgsql;

namespace SupportConsole.Data;

/// <summary>
/// The change bus on PostgreSQL: one dedicated connection per instance LISTENs on <see cref="Channel"/>, and messages go
/// out in order through one sender with <c>pg_notify</c> (the database delivers a notification to every listening
/// session, including the sender's, which skips its own by the instance id in front of each payload). When the
/// listening connection drops, it reconnects with a growing pause and then tells every subscriber to read everything
/// again, since notifications sent meanwhile are lost.
/// </summary>
public sealed class PostgreSqlChangeBus(NpgsqlDataSource dataSource, ILogger<PostgreSqlChangeBus> logger) : BackgroundService, IChangeBus
{
    /// <summary>The LISTEN channel every instance shares.</summary>
    public const string Channel = "supportconsole_changes";

    /// <summary>PostgreSQL's limit on a notification's payload is 8000 bytes; longer messages are refused here.</summary>
    private const int MaxPayloadBytes = 7900;

    private readonly string instance = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentDictionary<string, ImmutableArray<Func<string?, Task>>> handlers = new(StringComparer.Ordinal);
    private readonly Channel<string> outgoing = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(string topic, Func<string> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var message = $"{instance}|{topic}|{payload()}";
        if (System.Text.Encoding.UTF8.GetByteCount(message) > MaxPayloadBytes)
        {
            logger.LogWarning("A {Topic} change message of {Length} characters is too long for NOTIFY and was not sent", topic, message.Length);
            return;
        }
        outgoing.Writer.TryWrite(message);
    }

    public IDisposable Subscribe(string topic, Func<string?, Task> handler)
    {
        handlers.AddOrUpdate(topic, _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() => handlers.AddOrUpdate(topic, _ => [], (_, list) => list.Remove(handler)));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(250);
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (connectedBefore)
                {
                    logger.LogInformation("The change bus listens again; every view reads the database again");
                    Resynchronise();
                }
                connectedBefore = true;
                pause = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The change bus lost its connection; listening again in {Pause}", pause);
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                while (outgoing.Reader.TryPeek(out var message))
                {
                    try
                    {
                        await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
                        command.Parameters.AddWithValue("channel", Channel);
                        command.Parameters.AddWithValue("payload", message);
                        await command.ExecuteNonQueryAsync(stoppingToken);
                        outgoing.Reader.TryRead(out _);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "A change message could not be sent; trying again");
                        await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Deliver(string payload)
    {
        var first = payload.IndexOf('|', StringComparison.Ordinal);
        var second = first < 0 ? -1 : payload.IndexOf('|', first + 1);
        if (second < 0 || payload.AsSpan(0, first).SequenceEqual(instance))
        {
            return;
        }
        var topic = payload[(first + 1)..second];
        var body = payload[(second + 1)..];
        if (handlers.TryGetValue(topic, out var list))
        {
            foreach (var handler in list)
            {
                _ = RunAsync(topic, handler, body);
            }
        }
    }

    private void Resynchronise()
    {
        foreach (var (topic, list) in handlers)
        {
            foreach (var handler in list)
            {
                _ = RunAsync(topic, handler, null);
            }
        }
    }

    private async Task RunAsync(string topic, Func<string?, Task> handler, string? payload)
    {
        try
        {
            await handler(payload);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A {Topic} change handler failed", topic);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
