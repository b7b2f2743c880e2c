using System.Net.Sockets;
using System.Text;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>
/// Accepts SMTP connections for SmtpServer, each behind a <see cref="SmtpGuardStream"/>, at most
/// <c>Email:Smtp:MaxConnections</c> at once. One more is answered "421 4.7.0 too many connections" and closed right
/// away rather than left waiting to be accepted: that is what Exim does over <c>smtp_accept_max</c> and what RFC 5321
/// (3.8, 4.2.3) lets a server do at the greeting; the sending MTA reads a clear temporary refusal, keeps the message
/// and retries later, instead of hanging in the listen backlog until its own timeout with no answer at all.
/// </summary>
public sealed class GuardedEndpointListener(TcpListener listener, IncomingMailOptions options, string serverName, ILogger logger, Action stopped) : IEndpointListener
{
    private int active;

    public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            if (Interlocked.Increment(ref active) > options.SmtpMaxConnections)
            {
                Interlocked.Decrement(ref active);
                logger.LogWarning("SMTP connection from {Remote} refused: {Max} connections are open already", client.Client.RemoteEndPoint, options.SmtpMaxConnections);
                _ = RefuseAsync(client);
                continue;
            }
            context.Properties[EndpointListener.LocalEndPointKey] = listener.LocalEndpoint;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            var guard = new SmtpGuardStream(client.GetStream(), options.MaxMessageBytes, TimeSpan.FromSeconds(options.SmtpIdleTimeoutSeconds), serverName);
            context.Properties[SmtpGuardStream.PropertyKey] = guard;
            // The slot is free before the socket closes: a client that saw the close can connect again at once.
            return new GuardedDuplexPipe(guard, () =>
            {
                Interlocked.Decrement(ref active);
                client.Dispose();
            });
        }
    }

    private async Task RefuseAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var reply = $"421 4.7.0 {serverName} too many connections ({options.SmtpMaxConnections} at once), try again later\r\n";
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(reply), timeout.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client is gone already.
            }
        }
    }

    public void Dispose()
    {
        listener.Stop();
        stopped();
    }
}
