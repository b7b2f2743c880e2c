using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Sla;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Sla;

/// <summary>
/// The real app on a fake clock, with deadline jobs going to a fake scheduler the test runs by hand. One host serves
/// a whole test class (IClassFixture): each test calls <see cref="StartAsync"/>, which puts the database back as the
/// host left it after start-up, forgets every fake job and gives the test a fresh clock at its own start instant.
/// <see cref="OpenCaseAsync"/> waits for the case's tracking on signals, not by polling: the fake scheduler's
/// (its breach job scheduled) or the notifier's (its breach recorded).
/// </summary>
public sealed class TrackedDesk : IAsyncLifetime
{
    /// <summary>
    /// The instant the shared host starts at. Start-up work that reads the clock (federal holidays for this year and
    /// the next two, the demo customers' terms of ±6 months around today) is done once, at this instant.
    /// </summary>
    public static readonly DateTimeOffset HostStart = Utc("2026-11-30T20:00:00Z");

    private readonly ResettableClock clock = new(HostStart);

    /// <summary>Per case, completed once its tracking ran; a fresh set per test, as case ids start again after a reset.</summary>
    private ConcurrentDictionary<long, TaskCompletionSource> tracked = new();

    private IDisposable? breaches;

    public TrackedDesk()
    {
        // Sla:Tracking:HorizonMinutes is left to its default here; StartAsync sets the horizon each test asks for.
        App = new AppFactory(settings: QuietRecurringJobs)
        {
            ConfigureServices = services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
                services.Replace(ServiceDescriptor.Singleton<IDeadlineJobScheduler>(new SignallingScheduler(Jobs, OnScheduled)));
            },
        };
        Api = ApiClient.Create(App);
    }

    public async ValueTask InitializeAsync()
    {
        await App.ResetAsync(); // starts the host and keeps its fresh database aside
        breaches = Get<CaseChangeNotifier>().Subscribe(OnChangeAsync);
    }

    /// <summary>
    /// Starts a test: the database as after start-up, no fake jobs, the clock at <paramref name="start"/>, and deadline
    /// jobs scheduled within <paramref name="horizonMinutes"/> (null: the configured default, production's 30).
    /// </summary>
    public async Task<TrackedDesk> StartAsync(DateTimeOffset start, double? horizonMinutes = YearAhead)
    {
        clock.Reset(start);
        Get<DeadlineTrackingOptions>().ScheduleHorizon = horizonMinutes is { } minutes
            ? TimeSpan.FromMinutes(minutes)
            : DeadlineTrackingOptions.From(Get<IConfiguration>()).ScheduleHorizon;
        await App.ResetAsync();
        Jobs.LoseAll();
        Volatile.Write(ref tracked, new ConcurrentDictionary<long, TaskCompletionSource>());
        return this;
    }

    /// <summary>
    /// In production jobs are scheduled only for instants in the next 30 minutes (the 5-minute reconciliation adds the
    /// rest as they come near); these tests jump days ahead on a fake clock, so by default they schedule everything.
    /// </summary>
    public const double YearAhead = 525_600;

    /// <summary>The tests call the recurring jobs themselves, on the fake clock; Hangfire never fires them (February 31).</summary>
    public static readonly Dictionary<string, string?> QuietRecurringJobs = new()
    {
        ["Sla:Tracking:ReconciliationCron"] = "0 0 31 2 *",
        ["Notifications:DigestCron"] = "0 0 31 2 *",
        ["PlanTerm:Cron"] = "0 0 31 2 *",
        ["PlanTerm:RunAtStartup"] = "false",
    };

    /// <summary>The current test's clock (a fresh one per <see cref="StartAsync"/>).</summary>
    public FakeTimeProvider Clock => clock.Current;
    public FakeDeadlineJobScheduler Jobs { get; } = new();
    public AppFactory App { get; }
    public HttpClient Api { get; }

    public DeadlineTracker Tracker => App.Services.GetRequiredService<DeadlineTracker>();
    public SlaThresholdJob Runner => App.Services.GetRequiredService<SlaThresholdJob>();
    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async Task<SupportConsoleDbContext> DbAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();

    /// <summary>
    /// Opens a Pro Plus (priority) case through the API, now or imported at an earlier instant, and waits until its
    /// tracking ran. Tracking runs on the Created notification, in the background of the request; it ends either by
    /// scheduling the case's jobs, the breach job last, or (a case that arrives past due) by recording its breach. Both
    /// are signalled (<see cref="OnScheduled"/>, <see cref="OnChangeAsync"/>); the signal may come before the response.
    /// The horizon must reach the due instant (the default <see cref="YearAhead"/> does).
    /// </summary>
    public async Task<long> OpenCaseAsync(DateTimeOffset? receivedAt = null, string from = "ann@acme.example")
    {
        var signals = Volatile.Read(ref tracked);
        object body = receivedAt is { } at
            ? new { from, subject = "Printer on fire", body = "b", severity = 2, receivedAt = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) }
            : new { from, subject = "Printer on fire", body = "b", severity = 2 };
        var response = await Api.PostCaseAsync(body);
        response.EnsureSuccessStatusCode();
        var json = await response.JsonAsync();
        Assert.True(CaseNumber.TryParse(json.GetProperty("number").GetString(), out var number));
        await using var db = await DbAsync();
        var id = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        try
        {
            await Tracked(signals, id).Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Case {id} was opened, but within 10 seconds its tracking neither scheduled its breach job nor recorded its breach.");
        }
        return id;
    }

    private static TaskCompletionSource Tracked(ConcurrentDictionary<long, TaskCompletionSource> signals, long caseId) =>
        signals.GetOrAdd(caseId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Tracking schedules a case's at-risk job (when it is still ahead) and then its breach job: the breach job ends it.</summary>
    private void OnScheduled(long caseId, SlaEventKind kind)
    {
        if (kind == SlaEventKind.Breached)
        {
            Tracked(Volatile.Read(ref tracked), caseId).TrySetResult();
        }
    }

    /// <summary>
    /// A case that arrives past due gets no job: its tracking ends by recording the breach (and the at-risk crossing) and
    /// then publishing one <see cref="CaseChangeKind.SlaStateChanged"/> per event, after the commit. An at-risk event
    /// alone is not the end (the breach job follows), so this asks the database which kind was recorded. The set of
    /// signals is taken when the change is published, so a late answer about an earlier test's case lands in that
    /// test's set.
    /// </summary>
    private async Task OnChangeAsync(CaseChange change)
    {
        if (change.Kind != CaseChangeKind.SlaStateChanged)
        {
            return;
        }
        var signals = Volatile.Read(ref tracked);
        if (await EventCountAsync(change.CaseId, SlaEventKind.Breached) > 0)
        {
            Tracked(signals, change.CaseId).TrySetResult();
        }
    }

    public async Task<DateTimeOffset> RunJobsAtAsync(DateTimeOffset now)
    {
        Clock.SetUtcNow(now);
        await Jobs.RunDueAsync(Runner, now);
        return now;
    }

    public async Task<int> EventCountAsync(long caseId, SlaEventKind? kind = null)
    {
        await using var db = await DbAsync();
        return await db.SlaEvents.CountAsync(e => e.CaseId == caseId && (kind == null || e.Kind == kind));
    }

    public async Task<List<Notification>> NotificationsAsync(long caseId)
    {
        await using var db = await DbAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.Id).ToListAsync();
    }

    public async Task<string> UserIdAsync(string email)
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public async Task<SupportCase> CaseAsync(long id)
    {
        await using var db = await DbAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        breaches?.Dispose();
        Api.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// The fake scheduler as the app sees it: every call goes to <see cref="FakeDeadlineJobScheduler"/> (which the tests
/// inspect and run), and each job scheduled is reported to <paramref name="scheduled"/> once it is recorded.
/// </summary>
internal sealed class SignallingScheduler(FakeDeadlineJobScheduler jobs, Action<long, SlaEventKind> scheduled) : IDeadlineJobScheduler
{
    public string Schedule(long caseId, SlaEventKind kind, DateTime thresholdAtUtc, DateTimeOffset runAt)
    {
        var id = jobs.Schedule(caseId, kind, thresholdAtUtc, runAt);
        scheduled(caseId, kind);
        return id;
    }

    public void Cancel(string jobId) => jobs.Cancel(jobId);

    public IReadOnlyList<PendingThresholdJob> Pending(DateTimeOffset until) => jobs.Pending(until);
}

/// <summary>The people notifications go to in the demo accounts (the administrator holds every role).</summary>
public static class DemoPeople
{
    public const string Manager = "manager@supportconsole.local";
    public const string Admin = "admin@supportconsole.local";
    public const string Tier1 = "tier1@supportconsole.local";
    public const string Tier1b = "tier1b@supportconsole.local";

    public static readonly string[] Managers = [Manager, Admin];
    public static readonly string[] Tier1Agents = [Tier1, Tier1b, Admin];

}
