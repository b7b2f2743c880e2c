using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Calendar;
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
        var created = (await app.Services.GetRequiredService<CaseIntake>().AcceptAsync(
            new IntakeRequest(CaseChannel.Api, "ann@acme.example", "Ann", "Waiting", "b", CaseSeverity.Normal))).Case;
        var before = await Eventually(board, created.Id, due => due is not null);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero), before);

        await app.Services.GetRequiredService<HolidayBook>().SaveAsync(new DateOnly(2026, 11, 30), "Company day off");

        var after = await Eventually(board, created.Id, due => due != before);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero), after);
    }

    private static async Task<DateTimeOffset?> Eventually(QueueBoard board, long caseId, Func<DateTimeOffset?, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var snapshot = await board.SnapshotAsync();
            var due = snapshot.ById.TryGetValue(caseId, out var row) ? row.Deadline.DueAt : null;
            if (condition(due))
            {
                return due;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The board still shows {due} for case {caseId}.");
            }
            await Task.Delay(20);
        }
    }
}
