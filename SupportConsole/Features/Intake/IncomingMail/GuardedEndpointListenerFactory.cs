using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Net;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>SmtpServer's listener factory, making <see cref="GuardedEndpointListener"/>s; the started and stopped events are the base class's.</summary>
public sealed class GuardedEndpointListenerFactory(IncomingMailOptions options, string serverName, ILogger logger) : EndpointListenerFactory
{
    public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        var endpoint = new EndpointEventArgs(endpointDefinition, listener.LocalEndpoint);
        OnEndpointStarted(endpoint);
        return new GuardedEndpointListener(listener, options, serverName, logger, () => OnEndpointStopped(endpoint));
    }
}
