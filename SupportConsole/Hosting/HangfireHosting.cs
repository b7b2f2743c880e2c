using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using SupportConsole.Data;

namespace SupportConsole.Hosting;

/// <summary>
/// Hangfire with its storage in db/ (<c>ConnectionStrings:Hangfire</c>) or, on PostgreSQL, in the app's database; started
/// with the app; dashboard for managers and admins.
/// </summary>
public static class HangfireHosting
{
    public static void AddJobs(this WebApplicationBuilder builder)
    {
        // Polling every second keeps deadline detection within a few seconds of the instant.
        var pollInterval = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Jobs:PollIntervalMilliseconds", 1000));

        // This host's own storage, registered before AddHangfire (which only adds one if none exists): Hangfire's
        // static JobStorage.Current would otherwise be shared by every host in a process, as in the tests.
        if (DataHosting.Provider(builder.Configuration) == DatabaseProvider.PostgreSql)
        {
            // In the app's database, schema "hangfire". Every instance runs a server on it; a job a killed instance had
            // taken is fetched again by another once its invisibility timeout passes (kept short, and slid while a
            // live server works on it).
            var connectionString = DataHosting.PostgreSqlConnectionString(builder.Configuration);
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = builder.Configuration["Jobs:Schema"] ?? "hangfire",
                QueuePollInterval = pollInterval,
                PrepareSchemaIfNecessary = true,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Jobs:InvisibilityTimeoutSeconds", 120)),
            };
            builder.Services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options));
        }
        else
        {
            var connectionString = StoragePaths.ResolveSqlite(builder.Configuration, "Hangfire", StoragePaths.DefaultHangfireDatabase, builder.Environment.ContentRootPath);
            var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
            builder.Services.AddSingleton<JobStorage>(_ => new SQLiteStorage(path, new SQLiteStorageOptions
            {
                QueuePollInterval = pollInterval,
                JournalMode = SQLiteStorageOptions.JournalModes.WAL,
            }));
        }
        builder.Services.AddHangfire((services, configuration) =>
        {
            HangfireLogBridge.Attach(services.GetRequiredService<ILoggerFactory>());
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(HangfireLogBridge.Instance)
                .UseStorage(services.GetRequiredService<JobStorage>());
        });
        builder.Services.AddHangfireServer((services, options) =>
        {
            // This host's container activates its jobs; Hangfire's static JobActivator.Current may belong to another
            // (possibly disposed) host in the same process.
            options.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>());
            options.SchedulePollingInterval = pollInterval;
            options.WorkerCount = builder.Configuration.GetValue("Jobs:WorkerCount", 4);
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
    }

    public static void MapJobsDashboard(this WebApplication app)
    {
        // The endpoint's own authorization (sign-in cookie, Manager or Admin) guards the dashboard; Hangfire's filter then lets it through.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new SignedInFilter()],
            AppPath = "/admin/jobs",
            DashboardTitle = "SupportConsole jobs",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(Policies.Jobs);
    }

    /// <summary>Makes sure this host's Hangfire configuration (storage, logging) is applied before the first job is enqueued.</summary>
    public static void ApplyJobsConfiguration(this IServiceProvider services) => services.GetRequiredService<IGlobalConfiguration>();

    private sealed class SignedInFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(Roles.Manager) || context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
