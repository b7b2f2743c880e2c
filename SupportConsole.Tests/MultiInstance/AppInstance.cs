using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SupportConsole.Tests.MultiInstance;

/// <summary>
/// One app instance as production runs it: its own process (<c>dotnet SupportConsole.dll</c> from the app's build
/// output) on its own port, on a shared PostgreSQL database, so a test can kill it with SIGKILL. Its output goes to
/// <see cref="LogPath"/> for when a test fails.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    public const string ApiKey = "multi-instance-key";

    private readonly Dictionary<string, string> environment;
    private Process? process;

    public AppInstance(string name, string connectionString, string storageFolder, IDictionary<string, string>? settings = null)
    {
        Name = name;
        Port = FreePort();
        LogPath = Path.Combine(storageFolder, $"{name}.log");
        environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__SupportConsole"] = connectionString,
            ["Storage__Folder"] = storageFolder,
            ["Email__Smtp__Enabled"] = "false",
            ["Demo__Cases"] = "false",
            ["Api__Keys__0"] = ApiKey,
            ["Accounts__SignInPermitLimit"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
    }

    public string Name { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string LogPath { get; }
    public bool IsRunning => process is { HasExited: false };

    /// <summary>The app's build output beside this test project's (same configuration and framework).</summary>
    private static string AppDll
    {
        get
        {
            var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var framework = Path.GetFileName(testBin);
            var configuration = Path.GetFileName(Path.GetDirectoryName(testBin)!);
            var solution = Path.GetFullPath(Path.Combine(testBin, "..", "..", "..", ".."));
            return Path.Combine(solution, "SupportConsole", "bin", configuration, framework, "SupportConsole.dll");
        }
    }

    /// <summary>Starts the process and returns once <c>/health</c> answers 200.</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", [AppDll, "--urls", BaseUrl])
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} exited with {process.ExitCode} while starting; see {LogPath}.");
            }
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200); // polling a starting process, not waiting for time to pass
        }
        throw new TimeoutException($"Instance {Name} did not become healthy within 2 minutes; see {LogPath}.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, exactly what a crash or an OOM kill does.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    public ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            // A polite stop first (SIGTERM through the shell's kill), so the test run leaves no orphan behind.
            try
            {
                Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
                if (!process.WaitForExit(10_000))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
        }
        process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
