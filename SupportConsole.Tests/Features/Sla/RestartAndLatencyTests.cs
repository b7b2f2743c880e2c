using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.Sla;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Sla;

/// <summary>The real Hangfire server and storage files, on the system clock.</summary>
public sealed class RestartAndLatencyTests
{
    [Fact]
    public async Task Breach_of_an_imported_case_is_still_recorded_exactly_once_after_the_app_restarts_on_the_same_files()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportconsole-tests", Guid.NewGuid().ToString("N"));
        var receivedAt = DateTimeOffset.UtcNow.AddDays(-10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        long caseId;
        await using (var first = new AppFactory(dataFolder: folder))
        {
            using var api = ApiClient.Create(first);
            using var recorded = SlaRecorded(first, SlaEventKind.Breached);
            var created = await (await api.PostCaseAsync(new { from = "ann@acme.example", subject = "Old", body = "b", severity = 2, receivedAt })).JsonAsync();
            Assert.True(CaseNumber.TryParse(created.GetProperty("number").GetString(), out var number));
            caseId = await WithDb(first, db => db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
            Assert.Equal(caseId, await recorded.Case.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
        }

        await using var second = new AppFactory(dataFolder: folder);
        // Start-up ran a reconciliation pass over the same database; run another for good measure.
        await second.Services.GetRequiredService<DeadlineTracker>().ReconcileAsync();

        Assert.Equal(1, await WithDb(second, db => db.SlaEvents.CountAsync(e => e.CaseId == caseId && e.Kind == SlaEventKind.Breached)));
        // Due before it was imported: recorded, but alerting nobody, on either start.
        Assert.Equal(0, await WithDb(second, db => db.Notifications.CountAsync(n => n.CaseId == caseId && n.Kind == NotificationCentre.BreachKind)));
        using var api2 = ApiClient.Create(second);
        var json = await (await api2.GetAsync($"/api/cases/{CaseNumber.Format(await WithDb(second, db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleAsync()))}")).JsonAsync();
        Assert.Equal("breached", json.GetProperty("sla").GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_real_hangfire_server_runs_a_scheduled_threshold_job_and_records_it_once()
    {
        // How soon after its instant the job runs is measured by the load runs, not asserted here.
        await using var app = new AppFactory(settings: TrackedDesk.QuietRecurringJobs);
        using var api = ApiClient.Create(app);
        var created = await (await api.PostCaseAsync(new { from = "ann@acme.example", subject = "Live", body = "b", severity = 2 })).JsonAsync();
        Assert.True(CaseNumber.TryParse(created.GetProperty("number").GetString(), out var number));
        var caseId = await WithDb(app, db => db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());

        // Whatever the day (the calendar may be closed now), put the case's at-risk instant 2 seconds ahead.
        var threshold = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 2);
        await WithDb(app, db => db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.AtRiskAtUtc, threshold.UtcDateTime)
            .SetProperty(c => c.FirstResponseDueAtUtc, threshold.UtcDateTime.AddHours(4))));
        using var recorded = SlaRecorded(app, SlaEventKind.AtRisk);
        app.Services.GetRequiredService<IDeadlineJobScheduler>().Schedule(caseId, SlaEventKind.AtRisk, threshold.UtcDateTime, threshold);

        Assert.Equal(caseId, await recorded.Case.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        var events = await WithDb(app, db => db.SlaEvents.Where(e => e.CaseId == caseId && e.Kind == SlaEventKind.AtRisk).ToListAsync());
        var only = Assert.Single(events);
        Assert.Equal(threshold.UtcDateTime, only.ThresholdAtUtc);
        Assert.True(only.RecordedAtUtc >= threshold.UtcDateTime, "A threshold job never runs before its instant.");
    }

    [Fact]
    public async Task Real_scheduler_lists_pending_threshold_jobs_up_to_a_horizon_earliest_first_and_cancels_them()
    {
        await using var app = new AppFactory(settings: TrackedDesk.QuietRecurringJobs);
        var scheduler = app.Services.GetRequiredService<IDeadlineJobScheduler>();
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var late = scheduler.Schedule(9001, SlaEventKind.Breached, now.AddHours(5).UtcDateTime, now.AddHours(5).AddSeconds(1));
        var early = scheduler.Schedule(9001, SlaEventKind.AtRisk, now.AddHours(1).UtcDateTime, now.AddHours(1));
        var beyond = scheduler.Schedule(9002, SlaEventKind.AtRisk, now.AddDays(3).UtcDateTime, now.AddDays(3));

        var pending = scheduler.Pending(now.AddHours(6));

        Assert.Equal([early, late], pending.Select(p => p.JobId));
        Assert.Equal(now.AddHours(1), pending[0].RunAt);
        Assert.Equal((9001L, SlaEventKind.AtRisk, now.AddHours(1).UtcDateTime), (pending[0].CaseId, pending[0].Kind, pending[0].ThresholdAtUtc));
        scheduler.Cancel(early);
        Assert.Equal([late, beyond], scheduler.Pending(DateTimeOffset.MaxValue).Select(p => p.JobId));
    }

    /// <summary>Completes with the case id when the app publishes the SLA change of a recorded crossing of that kind.</summary>
    private static SlaSignal SlaRecorded(AppFactory app, SlaEventKind kind)
    {
        var signal = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var notifier = app.Services.GetRequiredService<CaseChangeNotifier>();
        var subscription = notifier.Subscribe(async change =>
        {
            if (change.Kind == CaseChangeKind.SlaStateChanged
                && await WithDb(app, db => db.SlaEvents.AnyAsync(e => e.CaseId == change.CaseId && e.Kind == kind)))
            {
                signal.TrySetResult(change.CaseId);
            }
        });
        return new SlaSignal(signal.Task, subscription);
    }

    private sealed record SlaSignal(Task<long> Case, IDisposable Subscription) : IDisposable
    {
        public void Dispose() => Subscription.Dispose();
    }

    private static async Task<T> WithDb<T>(AppFactory app, Func<SupportConsoleDbContext, Task<T>> query)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
