using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Hosting;

namespace SupportConsole.Data;

public static class DataHosting
{
    /// <summary>The database (<c>ConnectionStrings:SupportConsole</c>, SQLite in db/ by default) and the data folders beside it.</summary>
    public static void AddData(this WebApplicationBuilder builder)
    {
        var connectionString = StoragePaths.ResolveSqlite(builder.Configuration, "SupportConsole", StoragePaths.DefaultAppDatabase, builder.Environment.ContentRootPath);
        var busyTimeout = builder.Configuration.GetValue("Data:BusyTimeoutMilliseconds", 10_000);
        var root = StoragePaths.DataFolder(connectionString);
        builder.Services.AddSingleton(new DataFolders(
            root,
            Path.GetFullPath(Path.Combine(root, builder.Configuration["Email:PickupFolder"] ?? "outbox")),
            Path.GetFullPath(Path.Combine(root, "attachments"))));
        builder.Services.AddDbContextFactory<SupportConsoleDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas(busyTimeout)));
        builder.Services.AddSingleton<DatabaseSetup>();
        builder.Services.AddSingleton<ActingUser>();
        builder.Services.AddSingleton<ICaseSearchIndex, SqliteCaseSearchIndex>();
        // Sign-in cookies and booking links stay valid across restarts: the keys live beside the database.
        builder.Services.AddDataProtection()
            .SetApplicationName("SupportConsole")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(root, "keys")));
    }
}
