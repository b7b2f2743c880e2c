using System.Text;
using MailKit.Net.Smtp;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

public sealed class SmallCapHost() : IAsyncLifetime
{
    public SmtpHost Host { get; } = new(new Dictionary<string, string?> { ["Email:MaxMessageBytes"] = "4096" });

    public ValueTask InitializeAsync() => Host.InitializeAsync();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

[Collection(nameof(SmtpHostCollection))]
public sealed class OversizeMailTests(SmallCapHost fixture) : IClassFixture<SmallCapHost>
{
    private SmtpHost Host => fixture.Host;

    [Fact]
    public async Task A_message_over_the_size_cap_is_refused_with_552()
    {
        var message = SmtpHost.Mail("big@example.org", "Huge log", new string('x', 20_000));

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => Host.SendAsync(message));

        Assert.Equal(552, (int)refused.StatusCode);
    }

    [Fact]
    public async Task A_client_that_ignores_the_SIZE_limit_still_gets_552_at_the_end_of_DATA_and_nothing_is_stored()
    {
        var raw = Encoding.ASCII.GetBytes("From: big@example.org\r\nTo: help@supportconsole.local\r\nSubject: huge\r\n\r\n" + string.Join("\r\n", Enumerable.Repeat(new string('y', 70), 200)));

        var answers = await Host.SendRawAsync("big@example.org", "help@supportconsole.local", raw);

        Assert.StartsWith("552", answers[^2]);
        var small = await Host.SendAsync(SmtpHost.Mail("small@example.org", "Small", "Fits."));
        Assert.Contains("Queued as case", small);
    }
}
