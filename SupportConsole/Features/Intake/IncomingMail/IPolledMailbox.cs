namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>The little the poller needs from a mailbox, so "mark read only after the case is committed" is testable without a server.</summary>
public interface IPolledMailbox : IAsyncDisposable
{
    /// <summary>Ids of the unread messages, oldest first.</summary>
    Task<IReadOnlyList<string>> UnreadAsync(CancellationToken cancellationToken);

    Task<byte[]> FetchAsync(string id, CancellationToken cancellationToken);

    Task MarkReadAsync(string id, CancellationToken cancellationToken);
}
