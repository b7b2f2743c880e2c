namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>Polls the IMAP mailbox (<c>Email:Imap:*</c>) every <c>Email:Imap:PollSeconds</c>, when IMAP is configured.</summary>
public sealed class ImapPollJob(ImapPoller poller)
{
    public const string Id = "email-imap-poll";

    [Hangfire.DisableConcurrentExecution(300)]
    public Task RunAsync(CancellationToken cancellationToken) => poller.PollAsync(cancellationToken);

    /// <summary>Every N seconds (a seconds field) under a minute, else every N minutes (at most hourly).</summary>
    public static string Cron(int pollSeconds) => pollSeconds switch
    {
        < 60 => $"*/{Math.Max(1, pollSeconds)} * * * * *",
        _ when pollSeconds / 60 >= 60 => Hangfire.Cron.Hourly(),
        _ when pollSeconds / 60 == 1 => Hangfire.Cron.Minutely(),
        _ => $"*/{pollSeconds / 60} * * * *",
    };
}
