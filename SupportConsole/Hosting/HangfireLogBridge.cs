using Hangfire.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace SupportConsole.Hosting;

/// <summary>
/// Hangfire's log provider is process-wide and its loggers are cached in static attribute caches, so a provider
/// bound to one host's ILoggerFactory breaks once that host is disposed (integration tests start many hosts).
/// This bridge always writes to the newest host's factory and drops a message rather than throw.
/// </summary>
internal sealed class HangfireLogBridge : ILogProvider
{
    public static readonly HangfireLogBridge Instance = new();
    private static ILoggerFactory? current;

    public static void Attach(ILoggerFactory factory) => Volatile.Write(ref current, factory);

    public ILog GetLogger(string name) => new BridgedLog(name);

    private sealed class BridgedLog(string name) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                var logger = Volatile.Read(ref current)?.CreateLogger(name);
                if (logger is null)
                {
                    return false;
                }
                var level = logLevel switch
                {
                    HangfireLogLevel.Trace => MsLogLevel.Trace,
                    HangfireLogLevel.Debug => MsLogLevel.Debug,
                    HangfireLogLevel.Info => MsLogLevel.Information,
                    HangfireLogLevel.Warn => MsLogLevel.Warning,
                    HangfireLogLevel.Error => MsLogLevel.Error,
                    _ => MsLogLevel.Critical,
                };
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }
#pragma warning disable CA2254 // Hangfire hands over finished messages, not templates.
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
