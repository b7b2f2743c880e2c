using SupportConsole.Data;
using SupportConsole.Features.Account;
using SupportConsole.Features.Admin;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Escalations;
using SupportConsole.Features.PlanTerm;
using SupportConsole.Features.Reports;
using SupportConsole.Features.Sla;

namespace SupportConsole.Hosting;

/// <summary>
/// What happens at start-up, in order: each step is one line here and its work lives in its feature. Every step is
/// safe to repeat, so a restart (or a second instance) runs them all again.
/// </summary>
public static class StartupSteps
{
    public static readonly IReadOnlyList<StartupStep> All =
    [
        new("Apply this host's Hangfire configuration", (services, _) => { services.ApplyJobsConfiguration(); return Task.CompletedTask; }),
        new("Migrate the database", (services, _) => services.GetRequiredService<DatabaseSetup>().MigrateAsync()),
        new("Create the first accounts", (services, _) => services.GetRequiredService<AccountBootstrap>().RunAsync()),
        new("Seed the federal holidays", (services, _) => services.GetRequiredService<HolidayBook>().SeedFederalHolidaysAsync()),
        new("Fill the SLA report's columns on older cases", (services, _) => services.GetRequiredService<SlaReportBackfill>().RunAsync()),
        new("Schedule the recurring jobs", (services, _) => { RecurringJobs.Schedule(services); return Task.CompletedTask; }),
        new("Listen for new cases and calendar changes", (services, _) => { services.GetRequiredService<DeadlineTrackingSubscriptions>().Start(); return Task.CompletedTask; }),
        new("Listen for escalations and time off", (services, _) => { services.GetRequiredService<EscalationSubscriptions>().Start(); return Task.CompletedTask; }),
        new("Catch up: plan term milestones missed while down", (services, configuration) =>
        {
            if (configuration.GetValue("PlanTerm:RunAtStartup", true))
            {
                services.GetRequiredService<Hangfire.IRecurringJobManager>().Trigger(PlanTermJob.Id);
            }
            return Task.CompletedTask;
        }),
        new("Catch up: deadlines crossed while down", (services, _) => services.GetRequiredService<DeadlineTracker>().ReconcileAsync()),
        new("Seed the demo data (Demo:Seed)", (services, configuration) =>
            configuration.GetValue("Demo:Seed", services.GetRequiredService<IHostEnvironment>().IsDevelopment())
                ? services.GetRequiredService<DemoData>().SeedAsync()
                : Task.CompletedTask),
    ];

    /// <summary>Runs every step in order, in one service scope.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupSteps));
        await using var scope = app.Services.CreateAsyncScope();
        // Instances sharing a database prepare it one after the other (PostgreSQL); the embedded desk just runs them.
        await app.Services.GetRequiredService<DatabaseSetup>().RunExclusiveAsync(async () =>
        {
            foreach (var step in All)
            {
                logger.LogDebug("Start-up: {Step}", step.Name);
                await step.Run(scope.ServiceProvider, app.Configuration);
            }
        });
    }
}
