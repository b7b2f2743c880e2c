using System.Buffers;
using System.Net;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
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

/// <summary>Never an open relay: recipients outside <c>Email:Domains</c> get 550.</summary>
public sealed class DomainMailboxFilter(IEnumerable<string> domains) : IMailboxFilter
{
    private readonly HashSet<string> accepted = domains.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim().ToLowerInvariant()).ToHashSet();

    public Task<bool> CanAcceptFromAsync(ISessionContext context, SmtpServer.Mail.IMailbox from, int size, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken)
    {
        if (IsOurs(to.Host))
        {
            return Task.FromResult(true);
        }
        throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)550, $"5.7.1 relaying denied: we only accept mail for {string.Join(", ", accepted)}"));
    }

    public bool IsOurs(string? host) => host is not null && accepted.Contains(host.Trim().TrimEnd('.').ToLowerInvariant());
}

/// <summary>Hands each message to intake; 250 after commit, 552 over the size cap, 451 when something unexpected failed (the sender retries).</summary>
public sealed class IntakeMessageStore(IMailIntake intake, IncomingMailOptions options, ILogger<IntakeMessageStore> logger) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.Length > options.MaxMessageBytes)
        {
            return TooLarge(buffer.Length);
        }
        var from = transaction.From is { User.Length: > 0 } f ? $"{f.User}@{f.Host}" : "";
        var to = transaction.To.Select(t => $"{t.User}@{t.Host}").ToList();
        try
        {
            var outcome = await intake.AcceptAsync(buffer.ToArray(), from, to, cancellationToken);
            return outcome.Result switch
            {
                MailIntakeResult.CaseCreated => new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Queued as case {outcome.CaseTag}"),
                MailIntakeResult.Duplicate => new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Already received as case {outcome.CaseTag}"),
                MailIntakeResult.AddedToCase => new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Added to case {outcome.CaseTag}"),
                MailIntakeResult.Quarantined => new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Kept for review (quarantine #{outcome.QuarantineId}): {Short(outcome.Reason)}"),
                MailIntakeResult.TooLarge => TooLarge(buffer.Length),
                _ => new SmtpResponse((SmtpReplyCode)451, "4.3.0 temporary failure, try again"),
            };
        }
        catch (Exception e)
        {
            logger.LogError(e, "SMTP intake failed for a message from <{From}>; answered 451 so the sender retries", from);
            return new SmtpResponse((SmtpReplyCode)451, "4.3.0 temporary failure, try again");
        }
    }

    private SmtpResponse TooLarge(long size) =>
        new((SmtpReplyCode)552, $"5.3.4 message too big: {size} bytes, the limit is {options.MaxMessageBytes}");

    /// <summary>One short line: a reply line must not carry the sender's text at length or any line break.</summary>
    private static string Short(string? text)
    {
        var line = MailText.CleanSubject(text);
        return line.Length <= 120 ? line : line[..117] + "...";
    }
}
