using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SupportConsole.Features.Intake.IncomingMail;

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
