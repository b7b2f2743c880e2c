using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.Sla;
using SupportConsole.Tests.Features.Sla;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.MultiInstance;

/// <summary>
/// Every instance runs a Hangfire server, so the same deadline job (or the reconciliation that repairs missed ones) can
/// run on two instances at the same moment: the crossing must still be recorded, and announced, once. Two hosts on one
/// PostgreSQL database and one fake clock, with the jobs run by hand on both at once.
/// </summary>
public sealed class JobsOnceTests : IAsyncLifetime
{
    // A Monday, 09:00 Central, after today: the real Hangfire servers schedule nothing that comes due during the test.
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-07T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "supportconsole-tests", "jobs-once-" + Guid.NewGuid().ToString("N")[..10]);
    private AppFactory first = default!;
    private AppFactory second = default!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>(TrackedDesk.QuietRecurringJobs)
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:SupportConsole"] = await PostgresServer.ConnectionStringForAsync(folder),
            ["Storage:Folder"] = folder,
        };
        first = new AppFactory(settings: settings, dataFolder: folder) { ConfigureServices = s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)) };
        second = new AppFactory(settings: settings, dataFolder: folder) { ConfigureServices = s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)) };
        _ = first.Services; // the first prepares the database; the second joins it
        _ = second.Services;
    }

    [Fact]
    public async Task A_breach_run_on_two_instances_at_once_is_recorded_and_announced_once()
    {
        using var api = ApiClient.Create(first);
        var created = await (await api.PostAsJsonAsync("/api/cases", new { from = "ann@acme.example", subject = "Raced breach", body = "b", severity = 2 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(CaseNumber.TryParse(created.GetProperty("number").GetString(), out var number));
        await using var db = await first.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
        var due = stored.FirstResponseDueAtUtc!.Value;
        var atRisk = stored.AtRiskAtUtc!.Value;

        clock.SetUtcNow(new DateTimeOffset(due, TimeSpan.Zero).AddMinutes(5));
        var one = first.Services.GetRequiredService<DeadlineTracker>();
        var two = second.Services.GetRequiredService<DeadlineTracker>();
        await Task.WhenAll(
            one.RunThresholdAsync(stored.Id, SlaEventKind.AtRisk, atRisk),
            two.RunThresholdAsync(stored.Id, SlaEventKind.AtRisk, atRisk),
            one.RunThresholdAsync(stored.Id, SlaEventKind.Breached, due),
            two.RunThresholdAsync(stored.Id, SlaEventKind.Breached, due),
            one.ReconcileAsync(),
            two.ReconcileAsync());

        var events = await db.SlaEvents.AsNoTracking().Where(e => e.CaseId == stored.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal(1, events.Count(k => k == SlaEventKind.Breached));
        Assert.True(events.Count(k => k == SlaEventKind.AtRisk) <= 1);
        var breachNotices = await db.Notifications.AsNoTracking().Where(n => n.CaseId == stored.Id && n.Kind == NotificationCentre.BreachKind)
            .Select(n => n.RecipientUserId).ToListAsync();
        Assert.NotEmpty(breachNotices);
        Assert.Equal(breachNotices.Count, breachNotices.Distinct().Count()); // each person told once
    }

    public async ValueTask DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
    }
}
