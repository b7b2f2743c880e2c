namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>A listener with a 1 MB message limit and at most 3 connections at once.</summary>
public sealed class SmtpLimitsHost : IAsyncLifetime
{
    public const int MaxMessageBytes = 1024 * 1024;
    public const int MaxConnections = 3;

    public SmtpHost Host { get; } = new(new Dictionary<string, string?>
    {
        ["Email:MaxMessageBytes"] = MaxMessageBytes.ToString(),
        ["Email:Smtp:MaxConnections"] = MaxConnections.ToString(),
    });

    public ValueTask InitializeAsync() => Host.InitializeAsync();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
