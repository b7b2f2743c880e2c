using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SupportConsole.Hosting;

namespace SupportConsole.Data;

public static class DataHosting
{
    /// <summary>The provider <c>Database:Provider</c> names (Sqlite by default); anything else stops start-up with the values it takes.</summary>
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider is '{value}'; use Sqlite (the default, files in db/) or PostgreSql.");
    }

    /// <summary>
    /// The database (<c>Database:Provider</c>; SQLite in db/ by default, or PostgreSQL), the data folders (outbox pickup,
    /// attachments), the data-protection key ring, the case search index and the change bus that fit it.
    /// </summary>
    public static void AddData(this WebApplicationBuilder builder)
    {
        var provider = Provider(builder.Configuration);
        builder.Services.AddSingleton(new DatabaseInfo(provider));
        builder.Services.AddSingleton<DatabaseSetup>();
        builder.Services.AddSingleton<ActingUser>();
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("SupportConsole");
        if (provider == DatabaseProvider.PostgreSql)
        {
            var connectionString = PostgreSqlConnectionString(builder.Configuration);
            // Built by the container, so the host's shutdown closes its pooled connections.
            builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
            builder.Services.AddDbContextFactory<PostgreSqlDbContext>((services, options) => options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>()));
            builder.Services.AddSingleton<IDbContextFactory<SupportConsoleDbContext>>(services =>
                new ProviderContextFactory<PostgreSqlDbContext>(services.GetRequiredService<IDbContextFactory<PostgreSqlDbContext>>()));
            builder.Services.AddScoped<SupportConsoleDbContext>(services => services.GetRequiredService<PostgreSqlDbContext>());
            builder.Services.AddSingleton<ICaseSearchIndex, PostgreSqlCaseSearchIndex>();
            builder.Services.AddSingleton<PostgreSqlChangeBus>();
            builder.Services.AddSingleton<IChangeBus>(services => services.GetRequiredService<PostgreSqlChangeBus>());
            builder.Services.AddHostedService(services => services.GetRequiredService<PostgreSqlChangeBus>());
            // Every instance signs and reads cookies and links with the same keys: the key ring lives in the database.
            dataProtection.PersistKeysToDbContext<PostgreSqlDbContext>();
            AddFolders(builder, Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Storage:Folder"] ?? "../db")));
            return;
        }

        var sqlite = StoragePaths.ResolveSqlite(builder.Configuration, "SupportConsole", StoragePaths.DefaultAppDatabase, builder.Environment.ContentRootPath);
        var busyTimeout = builder.Configuration.GetValue("Data:BusyTimeoutMilliseconds", 10_000);
        var root = StoragePaths.DataFolder(sqlite);
        builder.Services.AddDbContextFactory<SupportConsoleDbContext>(options => options
            .UseSqlite(sqlite)
            .AddInterceptors(new SqlitePragmas(busyTimeout)));
        builder.Services.AddSingleton<ICaseSearchIndex, SqliteCaseSearchIndex>();
        builder.Services.AddSingleton<IChangeBus>(InProcessChangeBus.Instance);
        // Sign-in cookies and booking links stay valid across restarts: the keys live beside the database.
        dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(root, "keys")));
        AddFolders(builder, root);
    }

    /// <summary>The Npgsql connection string of the app's database, or a start-up error that says what to set.</summary>
    public static string PostgreSqlConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("SupportConsole");
        if (string.IsNullOrWhiteSpace(connectionString) || connectionString.Contains("Data Source", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "Database:Provider is PostgreSql, so ConnectionStrings:SupportConsole must be an Npgsql connection string, " +
                "e.g. \"Host=db.example;Database=supportconsole;Username=supportconsole;Password=...\".");
        }
        return connectionString;
    }

    private static void AddFolders(WebApplicationBuilder builder, string root) =>
        builder.Services.AddSingleton(new DataFolders(
            root,
            Path.GetFullPath(Path.Combine(root, builder.Configuration["Email:PickupFolder"] ?? "outbox")),
            Path.GetFullPath(Path.Combine(root, "attachments"))));
}
