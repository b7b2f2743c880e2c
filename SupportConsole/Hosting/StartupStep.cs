namespace SupportConsole.Hosting;

/// <summary>One thing the app does before it takes requests, named for the log.</summary>
public sealed record StartupStep(string Name, Func<IServiceProvider, IConfiguration, Task> Run);
