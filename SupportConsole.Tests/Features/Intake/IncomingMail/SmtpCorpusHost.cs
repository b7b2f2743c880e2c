namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>The SMTP corpus's listener: a 1 MB message limit, so an oversized message is cheap to send.</summary>
public sealed class SmtpCorpusHost : IAsyncLifetime
{
    public const int MaxMessageBytes = 1024 * 1024;

    public SmtpHost Host { get; } = new(new Dictionary<string, string?> { ["Email:MaxMessageBytes"] = MaxMessageBytes.ToString() });

    public ValueTask InitializeAsync() => Host.InitializeAsync();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
