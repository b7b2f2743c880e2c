using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Features.Account;
using SupportConsole.Features.Admin;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Email;
using SupportConsole.Features.Sla;

namespace SupportConsole.Hosting;

public static class DatabaseStartup
{
    /// <summary>Applies EF migrations, switches the file to WAL, creates the first accounts and (when asked) the demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        app.Services.ApplyJobsConfiguration();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using (var db = await services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            // WAL lets the queue pages read while intake writes; it is a property of the file, so setting it once suffices.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await services.GetRequiredService<AccountBootstrap>().RunAsync();
        await services.GetRequiredService<HolidayBook>().SeedFederalHolidaysAsync();
        services.GetRequiredService<Hangfire.IRecurringJobManager>().ScheduleOutboxSweep();
        await services.StartDeadlineTrackingAsync();

        if (app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment()))
        {
            await services.GetRequiredService<DemoData>().SeedAsync();
        }
    }
}
