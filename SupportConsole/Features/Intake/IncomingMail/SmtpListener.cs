using System.Net;
using SmtpServer;
using SupportConsole.Features.OutgoingMail;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>
/// The in-process SMTP listener (<c>Email:Smtp:Address</c>:<c>Email:Smtp:Port</c>, plain SMTP for a local MTA
/// or relay to hand mail to). It accepts recipients only in <c>Email:Domains</c> and answers 250 only after
/// <see cref="MailIntake"/> has committed the message. Connections go through <see cref="GuardedEndpointListener"/>:
/// at most <c>Email:Smtp:MaxConnections</c> at once, closed after <c>Email:Smtp:IdleTimeoutSeconds</c> of silence,
/// and a message over <c>Email:MaxMessageBytes</c> refused while it streams in (<see cref="SmtpGuardStream"/>).
/// </summary>
public sealed class SmtpListener(
    IncomingMailOptions options,
    OutgoingMailOptions emailOptions,
    IMailIntake intake,
    ILoggerFactory loggers) : IHostedService
{
    private readonly ILogger logger = loggers.CreateLogger<SmtpListener>();
    private readonly CancellationTokenSource stopping = new();
    private SmtpServer.SmtpServer? server;
    private Task? running;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(options.SmtpAddress), options.SmtpPort);
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName(emailOptions.PrimaryDomain)
            .Endpoint(e => e.Endpoint(endpoint).IsSecure(false))
            // Ignore: SmtpServer only advertises SIZE and refuses a larger MAIL FROM SIZE=. Its Strict mode stops buffering
            // at the limit but then closes the connection while the client is still sending, so the client may never read
            // the 552 and retries; SmtpGuardStream enforces the limit while the message streams in and answers after it.
            .MaxMessageSize(options.MaxMessageBytes, MaxMessageSizeHandling.Ignore)
            // A backstop only: SmtpGuardStream closes an idle connection first, between commands and inside DATA alike.
            .CommandWaitTimeout(TimeSpan.FromSeconds(options.SmtpIdleTimeoutSeconds * 2))
            .Build();

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new GuardedEndpointListenerFactory(options, emailOptions.PrimaryDomain, logger);
        listeners.EndpointStarted += (_, e) =>
        {
            logger.LogInformation("SMTP intake listening on {Endpoint}", e.LocalEndPoint);
            started.TrySetResult();
        };
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new DomainMailboxFilter(emailOptions.Domains));
        services.Add(new IntakeMessageStore(intake, options, loggers.CreateLogger<IntakeMessageStore>()));

        server = new SmtpServer.SmtpServer(serverOptions, services);
        server.SessionFaulted += (_, e) => logger.LogWarning(e.Exception, "SMTP session faulted");
        running = RunAsync(server, started);

        // Start returns once the port is bound, so the app never reports itself ready while mail would be refused.
        await Task.WhenAny(started.Task, running, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
        if (running.IsFaulted)
        {
            await running;
        }
    }

    private async Task RunAsync(SmtpServer.SmtpServer smtp, TaskCompletionSource started)
    {
        try
        {
            await smtp.StartAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "The SMTP intake listener stopped on {Address}:{Port}", options.SmtpAddress, options.SmtpPort);
            started.TrySetException(e);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref server, null) is not { } smtp || running is null)
        {
            return;
        }
        smtp.Shutdown();
        await Task.WhenAny(smtp.ShutdownTask, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
        await stopping.CancelAsync();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
        }
    }
}
