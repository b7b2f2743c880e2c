using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>
/// SmtpServer's pipes over a <see cref="SmtpGuardStream"/>. The intake listener is plain SMTP for a local MTA
/// (no certificate, so no STARTTLS is offered); <paramref name="release"/> runs once, when the session ends,
/// and closes the socket.
/// </summary>
public sealed class GuardedDuplexPipe(Stream stream, Action release) : ISecurableDuplexPipe
{
    private int disposed;

    public PipeReader Input { get; } = PipeReader.Create(stream);
    public PipeWriter Output { get; } = PipeWriter.Create(stream);
    public bool IsSecure => false;
    public SslProtocols SslProtocol => SslProtocols.None;

    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The SMTP intake listener is plain SMTP: it has no certificate to offer STARTTLS with.");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            release();
        }
    }
}
