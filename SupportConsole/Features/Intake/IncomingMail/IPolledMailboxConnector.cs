namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>Opens the configured mailbox for one poll.</summary>
public interface IPolledMailboxConnector
{
    Task<IPolledMailbox> OpenAsync(CancellationToken cancellationToken);
}
