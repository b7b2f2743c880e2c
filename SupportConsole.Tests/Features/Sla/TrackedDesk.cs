using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Sla;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Tests.Features.Sla;

/// <summary>The real app on a fake clock, with deadline jobs going to a fake scheduler the test runs by hand.</summary>
public sealed class TrackedDesk : IAsyncDisposable
{
    public TrackedDesk(DateTimeOffset start, double? horizonMinutes = YearAhead)
    {
        Clock = new FakeTimeProvider(start);
        var settings = new Dictionary<string, string?>(QuietRecurringJobs);
        if (horizonMinutes is { } minutes)
        {
            settings["Sla:Tracking:HorizonMinutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        App = new AppFactory(settings: settings)
        {
            Clock = Clock,
            ConfigureServices = services => services.Replace(ServiceDescriptor.Singleton<IDeadlineJobScheduler>(Jobs)),
        };
        Api = ApiClient.Create(App);
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

    public FakeTimeProvider Clock { get; }
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
