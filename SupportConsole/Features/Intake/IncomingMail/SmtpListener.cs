using System.Net;
using SmtpServer;
using SmtpServer.Net;
using SupportConsole.Features.OutgoingMail;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>
/// The in-process SMTP listener (<c>Email:Smtp:Address</c>:<c>Email:Smtp:Port</c>, plain SMTP for a local MTA
/// or relay to hand mail to). It accepts recipients only in <c>Email:Domains</c> and answers 250 only after
/// <see cref="MailIntake"/> has committed the message.
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
            .MaxMessageSize(options.MaxMessageBytes, MaxMessageSizeHandling.Ignore)
            .Build();

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
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
