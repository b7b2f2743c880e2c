using Microsoft.Extensions.Logging.Abstractions;
using SupportConsole.Features.Intake.IncomingMail;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

public sealed class ImapPollerTests
{
    private sealed class FakeMailbox(params string[] ids) : IPolledMailbox, IPolledMailboxConnector
    {
        public List<string> Log { get; } = [];
        public HashSet<string> Read { get; } = [];
        public bool Disposed { get; private set; }

        public Task<IPolledMailbox> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IPolledMailbox>(this);

        public Task<IReadOnlyList<string>> UnreadAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(ids.Where(i => !Read.Contains(i)).ToList());

        public Task<byte[]> FetchAsync(string id, CancellationToken cancellationToken)
        {
            Log.Add($"fetch {id}");
            return Task.FromResult(System.Text.Encoding.ASCII.GetBytes(id));
        }

        public Task MarkReadAsync(string id, CancellationToken cancellationToken)
        {
            Log.Add($"read {id}");
            Read.Add(id);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FakeIntake(FakeMailbox mailbox, Func<string, MailIntakeOutcome> decide) : IMailIntake
    {
        public Task<MailIntakeOutcome> AcceptAsync(byte[] raw, string? envelopeFrom, IReadOnlyList<string> envelopeTo, CancellationToken cancellationToken)
        {
            var id = System.Text.Encoding.ASCII.GetString(raw);
            mailbox.Log.Add($"commit {id}");
            return Task.FromResult(decide(id));
        }
    }

    [Fact]
    public async Task Each_message_is_marked_read_only_after_intake_committed_it()
    {
        var mailbox = new FakeMailbox("1", "2");
        var poller = new ImapPoller(mailbox, new FakeIntake(mailbox, _ => new MailIntakeOutcome(MailIntakeResult.CaseCreated, 100_000)), NullLogger<ImapPoller>.Instance);

        Assert.Equal(2, await poller.PollAsync(CancellationToken.None));

        Assert.Equal(["fetch 1", "commit 1", "read 1", "fetch 2", "commit 2", "read 2"], mailbox.Log);
        Assert.True(mailbox.Disposed);
    }

    [Fact]
    public async Task A_message_whose_intake_fails_stays_unread_for_the_next_poll_and_the_others_go_on()
    {
        var mailbox = new FakeMailbox("1", "2", "3");
        var poller = new ImapPoller(mailbox, new FakeIntake(mailbox, id => id == "2" ? throw new IOException("database busy") : new MailIntakeOutcome(MailIntakeResult.CaseCreated, 100_000)), NullLogger<ImapPoller>.Instance);

        Assert.Equal(2, await poller.PollAsync(CancellationToken.None));

        Assert.Equal(["1", "3"], mailbox.Read.Order());
        Assert.Equal(["2"], await mailbox.UnreadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Quarantined_and_duplicate_messages_are_safely_stored_so_they_are_marked_read_but_oversize_ones_are_not()
    {
        var mailbox = new FakeMailbox("q", "d", "big");
        var poller = new ImapPoller(mailbox, new FakeIntake(mailbox, id => id switch
        {
            "q" => new MailIntakeOutcome(MailIntakeResult.Quarantined, QuarantineId: 1),
            "d" => new MailIntakeOutcome(MailIntakeResult.Duplicate, 100_000),
            _ => new MailIntakeOutcome(MailIntakeResult.TooLarge),
        }), NullLogger<ImapPoller>.Instance);

        await poller.PollAsync(CancellationToken.None);

        Assert.Equal(["d", "q"], mailbox.Read.Order());
    }
}
