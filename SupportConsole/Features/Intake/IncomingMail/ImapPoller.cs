using Hangfire;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>The little the poller needs from a mailbox, so "mark read only after the case is committed" is testable without a server.</summary>
public interface IPolledMailbox : IAsyncDisposable
{
    /// <summary>Ids of the unread messages, oldest first.</summary>
    Task<IReadOnlyList<string>> UnreadAsync(CancellationToken cancellationToken);

    Task<byte[]> FetchAsync(string id, CancellationToken cancellationToken);

    Task MarkReadAsync(string id, CancellationToken cancellationToken);
}

/// <summary>Opens the configured mailbox for one poll.</summary>
public interface IPolledMailboxConnector
{
    Task<IPolledMailbox> OpenAsync(CancellationToken cancellationToken);
}

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

/// <summary>MailKit's IMAP client behind <see cref="IPolledMailbox"/>.</summary>
public sealed class ImapMailboxConnector(IncomingMailOptions options) : IPolledMailboxConnector
{
    public async Task<IPolledMailbox> OpenAsync(CancellationToken cancellationToken)
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync(options.ImapHost ?? "", options.ImapPort, options.ImapUseTls ? SecureSocketOptions.Auto : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(options.ImapUser))
            {
                await client.AuthenticateAsync(options.ImapUser, options.ImapPassword ?? "", cancellationToken);
            }
            var folder = await client.GetFolderAsync(options.ImapFolder, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
            return new ImapMailbox(client, folder);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class ImapMailbox(ImapClient client, IMailFolder folder) : IPolledMailbox
    {
        public async Task<IReadOnlyList<string>> UnreadAsync(CancellationToken cancellationToken)
        {
            var ids = await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken);
            return ids.OrderBy(u => u.Id).Select(u => u.ToString()).ToList();
        }

        public async Task<byte[]> FetchAsync(string id, CancellationToken cancellationToken)
        {
            // BODY.PEEK: fetching does not set \Seen; only MarkReadAsync does.
            using var stream = await folder.GetStreamAsync(UniqueId.Parse(id), "", cancellationToken);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            return copy.ToArray();
        }

        public Task MarkReadAsync(string id, CancellationToken cancellationToken) =>
            folder.AddFlagsAsync(UniqueId.Parse(id), MessageFlags.Seen, silent: true, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(true);
                }
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
