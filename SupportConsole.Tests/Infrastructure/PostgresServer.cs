using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SupportConsole.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL server for the whole test run, started on first use from the installed binaries (Debian's
/// <c>postgresql</c> package: /usr/lib/postgresql/N/bin, or <c>PG_BIN</c>) in a temporary data folder, as the
/// <c>postgres</c> user when the tests run as root (the server refuses root). Durability is off (fsync, synchronous
/// commit): the data lives as long as the run. Each app host gets its own database, named after its data folder, so
/// two hosts on the same folder (a restart) share one. The server stops when the test process exits.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<Instance>> Started = new(StartAsync);

    /// <summary>An Npgsql connection string for the database that belongs to <paramref name="dataFolder"/> (created by the app on start).</summary>
    public static async Task<string> ConnectionStringForAsync(string dataFolder)
    {
        var server = await Started.Value;
        var name = "sc_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataFolder))))[..20];
        return server.ConnectionString(name);
    }

    /// <summary>The server's address, for tests that talk to it directly.</summary>
    public static async Task<string> AdminConnectionStringAsync() => (await Started.Value).ConnectionString("postgres");

    public static string ConnectionStringFor(string dataFolder) => ConnectionStringForAsync(dataFolder).GetAwaiter().GetResult();

    private static async Task<Instance> StartAsync()
    {
        var bin = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "supportconsole-pg", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"-R postgres {root}");
            await RunAsync("chmod", "755 " + Path.GetDirectoryName(root));
        }
        var data = Path.Combine(root, "data");
        await RunAsAsync(asRoot, Path.Combine(bin, "initdb"), $"-D {data} -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync");
        var port = FreePort();
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off " +
                      "-c max_connections=1000 -c shared_buffers=64MB -c max_locks_per_transaction=256";
        await RunAsAsync(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {data} -o \"{options}\" -l {Path.Combine(root, "server.log")} -w start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsAsync(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate stop").GetAwaiter().GetResult();
                Directory.Delete(root, recursive: true);
            }
            catch (Exception)
            {
                // The run is over; a leftover temporary folder is all that can remain.
            }
        };
        var instance = new Instance(port);
        await using var connection = new NpgsqlConnection(instance.ConnectionString("postgres"));
        await connection.OpenAsync();
        return instance;
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries were not found in /usr/lib/postgresql/*/bin: install Debian's 'postgresql' package (test.sh does as root) or set PG_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsAsync(bool asRoot, string program, string arguments) =>
        asRoot ? RunAsync("runuser", $"-u postgres -- {program} {arguments}") : RunAsync(program, arguments);

    private static async Task RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await output} {await error}");
        }
    }

    private sealed record Instance(int Port)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=30;Connection Idle Lifetime=10;Connection Pruning Interval=5";
    }
}
