using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Sla;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Tests.Features.Sla;

/// <summary>
/// The real app on a fake clock, with deadline jobs going to a fake scheduler the test runs by hand. One host serves
/// a whole test class (IClassFixture): each test calls <see cref="StartAsync"/>, which puts the database back as the
/// host left it after start-up, forgets every fake job and gives the test a fresh clock at its own start instant.
/// </summary>
public sealed class TrackedDesk : IAsyncLifetime
{
    /// <summary>
    /// The instant the shared host starts at. Start-up work that reads the clock (federal holidays for this year and
    /// the next two, the demo customers' terms of ±6 months around today) is done once, at this instant.
    /// </summary>
    public static readonly DateTimeOffset HostStart = Utc("2026-11-30T20:00:00Z");

    private readonly ResettableClock clock = new(HostStart);

    public TrackedDesk()
    {
        // Sla:Tracking:HorizonMinutes is left to its default here; StartAsync sets the horizon each test asks for.
        App = new AppFactory(settings: QuietRecurringJobs)
        {
            ConfigureServices = services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
                services.Replace(ServiceDescriptor.Singleton<IDeadlineJobScheduler>(Jobs));
            },
        };
        Api = ApiClient.Create(App);
    }

    public ValueTask InitializeAsync() => new(App.ResetAsync()); // starts the host and keeps its fresh database aside

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

    /// <summary>Opens a Pro Plus (priority) case through the API, now or imported at an earlier instant; waits until its tracking ran.</summary>
    public async Task<long> OpenCaseAsync(DateTimeOffset? receivedAt = null, string from = "ann@acme.example")
    {
        object body = receivedAt is { } at
            ? new { from, subject = "Printer on fire", body = "b", severity = 2, receivedAt = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) }
            : new { from, subject = "Printer on fire", body = "b", severity = 2 };
        var response = await Api.PostCaseAsync(body);
        response.EnsureSuccessStatusCode();
        var json = await response.JsonAsync();
        Assert.True(CaseNumber.TryParse(json.GetProperty("number").GetString(), out var number));
        await using var db = await DbAsync();
        var id = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        // Tracking runs on the Created notification: wait for its jobs or its recorded breach.
        await Eventually(async () => Jobs.All.Any(j => j.CaseId == id) || await EventCountAsync(id) > 0);
        return id;
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

    public static async Task Eventually(Func<Task<bool>> condition, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold in time.");
            }
            await Task.Delay(20);
        }
    }

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
    }
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
