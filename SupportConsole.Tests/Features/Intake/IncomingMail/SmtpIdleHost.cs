namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>A listener that closes a connection after 1 second of silence.</summary>
public sealed class SmtpIdleHost : IAsyncLifetime
{
    public SmtpHost Host { get; } = new(new Dictionary<string, string?> { ["Email:Smtp:IdleTimeoutSeconds"] = "1" });

    public ValueTask InitializeAsync() => Host.InitializeAsync();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
