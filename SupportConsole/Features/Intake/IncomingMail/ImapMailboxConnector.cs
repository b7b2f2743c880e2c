using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;

namespace SupportConsole.Features.Intake.IncomingMail;

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
