using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Queues;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Queues;

public sealed class QueueBoardDeadlineTests
{
    [Fact]
    public async Task Holiday_added_while_a_case_waits_moves_its_deadline_on_the_live_queue_board()
    {
        // Wed 2026-11-25 14:00 CST: due Mon 2026-11-30 14:00 CST (20:00Z) over Thanksgiving and the weekend.
        await using var app = new AppFactory { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero)) };
        var board = app.Services.GetRequiredService<QueueBoard>();
        using var applied = new AppliedChanges(app.Services.GetRequiredService<CaseChangeNotifier>(), board);
        var created = (await app.Services.GetRequiredService<CaseIntake>().AcceptAsync(
            new IntakeRequest(CaseChannel.Api, "ann@acme.example", "Ann", "Waiting", "b", CaseSeverity.Normal))).Case;
        var before = await applied.DueOnBoardAsync(created.Id, due => due is not null);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero), before);

        await app.Services.GetRequiredService<HolidayBook>().SaveAsync(new DateOnly(2026, 11, 30), "Company day off");

        var after = await applied.DueOnBoardAsync(created.Id, due => due != before);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero), after);
    }

    /// <summary>
    /// Listens to the notifier as a live queue page does, and awaits the board's own application of each change
    /// (<see cref="QueueBoard.ApplyAsync"/> runs once per change, whoever asks first): every change the board has
    /// applied is one signal here. Subscribe before the action whose change you wait for.
    /// </summary>
    private sealed class AppliedChanges : IDisposable
    {
        private readonly QueueBoard board;
        private readonly Channel<CaseChange> changes = Channel.CreateUnbounded<CaseChange>();
        private readonly IDisposable subscription;

        public AppliedChanges(CaseChangeNotifier notifier, QueueBoard board)
        {
            this.board = board;
            subscription = notifier.Subscribe(async change =>
            {
                await board.ApplyAsync(change);
                changes.Writer.TryWrite(change);
            });
        }

        /// <summary>
        /// The case's due instant on the board once it meets <paramref name="condition"/>: now, or after one of the
        /// changes the board applies next. Fails after 10 seconds without such a change.
        /// </summary>
        public async Task<DateTimeOffset?> DueOnBoardAsync(long caseId, Func<DateTimeOffset?, bool> condition)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var due = DueOf(await board.SnapshotAsync(), caseId);
            while (!condition(due))
            {
                try
                {
                    await changes.Reader.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"No change the board applied within 10 seconds made it show what the test waits for; it shows {due} for case {caseId}.");
                }
                due = DueOf(await board.SnapshotAsync(), caseId);
            }
            return due;
        }

        private static DateTimeOffset? DueOf(QueueSnapshot snapshot, long caseId) =>
            snapshot.ById.TryGetValue(caseId, out var row) ? row.Deadline.DueAt : null;

        public void Dispose() => subscription.Dispose();
    }
}
