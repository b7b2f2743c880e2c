using Hangfire;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>
/// Recurring Hangfire job (when <c>Email:Imap:Host</c> is set): every unread message goes through
/// <see cref="MailIntake"/>, and is flagged \Seen only after intake committed it (or kept it in the quarantine).
/// A message that fails stays unread, so the next poll tries it again.
/// </summary>
public sealed class ImapPoller(IPolledMailboxConnector connector, IMailIntake intake, ILogger<ImapPoller> logger)
{

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        await using var mailbox = await connector.OpenAsync(cancellationToken);
        var done = 0;
        foreach (var id in await mailbox.UnreadAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var raw = await mailbox.FetchAsync(id, cancellationToken);
                var outcome = await intake.AcceptAsync(raw, envelopeFrom: null, envelopeTo: [], cancellationToken);
                if (outcome.Result == MailIntakeResult.TooLarge)
                {
                    logger.LogWarning("IMAP message {Id} left unread: {Reason}", id, outcome.Reason);
                    continue;
                }
                await mailbox.MarkReadAsync(id, cancellationToken);
                done++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "IMAP message {Id} left unread for the next poll", id);
            }
        }
        return done;
    }
}
