using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Queues;

namespace SupportConsole.Tests.Features.Queues;

/// <summary>
/// A queue page subscribes to the notifier and then asks the board for its snapshot. A change published just before
/// it subscribed is one the page will never hear of, so the snapshot it gets must already hold that change.
/// </summary>
public sealed class QueueBoardPendingPatchTests(QueueApp fixture) : IClassFixture<QueueApp>
{
    [Fact]
    public async Task A_snapshot_asked_for_while_a_published_change_is_being_patched_in_waits_for_it()
    {
        var factory = new HeldFactory(fixture.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>());
        using var notifier = new CaseChangeNotifier(NullLogger<CaseChangeNotifier>.Instance);
        using var board = new QueueBoard(factory, notifier);
        var before = await board.SnapshotAsync();

        var created = (await fixture.App.Services.GetRequiredService<CaseIntake>().AcceptAsync(
            new IntakeRequest(CaseChannel.Api, "joe@hooli.example", "Joe", "Pending patch " + Guid.NewGuid().ToString("N")[..6], "b", CaseSeverity.Normal))).Case;
        Assert.False(before.ById.ContainsKey(created.Id));

        factory.Hold();
        notifier.Publish(new CaseChange(created.Id, created.Number, CaseChangeKind.Created, created.Queue, QueueApp.WednesdayNine));
        await factory.Reached.WaitAsync(TimeSpan.FromSeconds(10)); // the patch is reading its row, and is held there

        var asked = board.SnapshotAsync();
        Assert.False(asked.IsCompleted, "The board answered with the queues from before the change it was still patching in.");

        factory.Release();
        var after = await asked.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(after.ById.ContainsKey(created.Id));
        Assert.Contains(after.Standard, r => r.Id == created.Id);

        // With nothing pending, the snapshot is answered at once.
        Assert.True(board.SnapshotAsync().IsCompletedSuccessfully);
    }

    /// <summary>Hands out real contexts; while held, the next one is handed out only once released.</summary>
    private sealed class HeldFactory(IDbContextFactory<SupportConsoleDbContext> inner) : IDbContextFactory<SupportConsoleDbContext>
    {
        private TaskCompletionSource? held;
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => reached.Task;

        public void Hold() => held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => held?.TrySetResult();

        public SupportConsoleDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<SupportConsoleDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            if (held is { } wait)
            {
                reached.TrySetResult();
                await wait.Task;
            }
            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }
}
