using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace SupportConsole.Tests.Infrastructure;

/// <summary>
/// Hosts the real app on a fresh temporary SQLite file (and Hangfire file) per instance, or on PostgreSQL (a database
/// per data folder on the run's server) when the run says so (<see cref="TestDatabase"/>). Settings are passed with
/// UseSetting so Program sees them while it registers services.
/// </summary>
public sealed partial class AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public AppFactory(string environment = "Development", IDictionary<string, string?>? settings = null, string? dataFolder = null)
    {
        Environment = environment;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "supportconsole-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        this.settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SupportConsole"] = $"Data Source={Path.Combine(DataFolder, "supportconsole.db")}",
            ["ConnectionStrings:Hangfire"] = $"Data Source={Path.Combine(DataFolder, "hangfire.db")}",
            ["Email:Smtp:Enabled"] = "false",
            // Demo customers and accounts, but no demo cases: tests count and order their own cases.
            ["Demo:Cases"] = "false",
            ["Api:Keys:0"] = ApiKey,
            // Every test client shares one (absent) client IP; the per-client sign-in limit is tested on its own host.
            ["Accounts:SignInPermitLimit"] = "100000",
        };
        if (TestDatabase.IsPostgreSql)
        {
            // The same host on PostgreSQL: its own database on the run's server, files (outbox, attachments) in the folder.
            this.settings["Database:Provider"] = "PostgreSql";
            this.settings["ConnectionStrings:SupportConsole"] = PostgresServer.ConnectionStringFor(DataFolder);
            this.settings["Storage:Folder"] = DataFolder;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }
    }

    public const string ApiKey = "test-api-key";

    public string Environment { get; }
    public string DataFolder { get; }

    /// <summary>When set, the app runs on this clock instead of the system's.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>Replaces services after the app registered its own (a fake job scheduler, for instance).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        }
        if (ConfigureServices is not null)
        {
            builder.ConfigureServices(ConfigureServices);
        }
    }

    public HttpClient CreateBrowserLikeClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });
}
