using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.OutgoingMail;

/// <summary>
/// One app for every <see cref="OutboxDeliveryTests"/> test: no SMTP relay configured, so mail goes to the .eml pickup
/// folder under the data folder. The clock is fixed; tests only move it by seconds, so the minutely sweep (which only
/// takes messages older than a minute) never touches a message a test created "now" and did not dispatch.
/// </summary>
public sealed class OutboxApp : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2027, 2, 17, 15, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);
    public AppFactory App { get; }

    public OutboxApp() => App = new AppFactory { Clock = Clock };

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public string Pickup => Get<DataFolders>().Pickup;

    public ValueTask InitializeAsync()
    {
        _ = App.Services; // start the host
        return ValueTask.CompletedTask;
    }

    public async Task<SupportConsoleDbContext> DbAsync() =>
        await Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>Outbox messages composed, saved and delivered as .eml files; delivery is idempotent; the sweep and the jobs deliver.</summary>
public sealed class OutboxDeliveryTests(OutboxApp fixture) : IClassFixture<OutboxApp>
{
    private Outbox Outbox => fixture.Get<Outbox>();
    private OutboxDelivery Delivery => fixture.Get<OutboxDelivery>();

    [Fact]
    public void Without_a_relay_host_mail_goes_to_the_pickup_folder_under_the_data_folder()
    {
        var options = fixture.Get<OutgoingMailOptions>();

        Assert.True(string.IsNullOrWhiteSpace(options.RelayHost));
        Assert.Equal(Path.GetFullPath(Path.Combine(fixture.App.DataFolder, "outbox")), fixture.Pickup);
        Assert.Equal("support@supportconsole.local", options.EffectiveFromAddress);
    }

    [Fact]
    public void Compose_copies_the_fields_and_gives_each_message_a_message_id_of_our_own()
    {
        var now = fixture.Clock.GetUtcNow();

        var first = Outbox.Compose(OutboxKind.Reply, "ann@acme.example", "Re: [SC-100001] Printer", "Body", now, 42, "theirs@mail.acme.example");
        var second = Outbox.Compose(OutboxKind.Reply, "ann@acme.example", "Re: [SC-100001] Printer", "Body", now);

        Assert.Equal((OutboxKind.Reply, 42L, "ann@acme.example", "Re: [SC-100001] Printer", "Body", "theirs@mail.acme.example"),
            (first.Kind, first.CaseId!.Value, first.To, first.Subject, first.Body, first.InReplyTo));
        Assert.Equal(now.UtcDateTime, first.CreatedAtUtc);
        Assert.Null(first.SentAtUtc);
        Assert.Equal(0, first.Attempts);
        Assert.Null(second.InReplyTo);
        Assert.NotEqual(first.MessageId, second.MessageId);
        Assert.EndsWith("@supportconsole.local", first.MessageId, StringComparison.Ordinal);
        Assert.True(Outbox.IsOurs($"<{first.MessageId}>"));
        Assert.False(Outbox.IsOurs("theirs@mail.acme.example"));
    }

    [Fact]
    public async Task Delivered_message_is_a_parseable_eml_with_recipient_subject_ids_threading_and_body()
    {
        var body = "Hello Ann,\n\nThe printer fire is out. Grüße — the desk ✓\n\nTina Tier1\nSupportConsole Support";
        var message = await SaveAsync(OutboxKind.Reply, "ann@acme.example", "Re: [SC-100007] Printer on fire", body, "cust-7@mail.acme.example");

        await Delivery.DeliverAsync(message.Id, CancellationToken.None);

        var mime = MimeMessage.Load(EmlPath(message.Id));
        Assert.Equal("ann@acme.example", Assert.Single(mime.To.Mailboxes).Address);
        var from = Assert.Single(mime.From.Mailboxes);
        Assert.Equal(("SupportConsole Support", "support@supportconsole.local"), (from.Name, from.Address));
        Assert.Equal("Re: [SC-100007] Printer on fire", mime.Subject);
        Assert.Equal(message.MessageId, mime.MessageId);
        Assert.Equal("cust-7@mail.acme.example", mime.InReplyTo);
        Assert.Equal(["cust-7@mail.acme.example"], mime.References);
        Assert.Equal(body, Normalize(mime.TextBody));
        Assert.Equal(new DateTimeOffset(message.CreatedAtUtc, TimeSpan.Zero), mime.Date);
        Assert.Null(mime.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal([$"{message.Id:D8}.eml"], FilesFor(message.Id));
        var stored = await StoredAsync(message.Id);
        Assert.Equal(fixture.Clock.GetUtcNow().UtcDateTime, stored.SentAtUtc);
        Assert.Equal(1, stored.Attempts);
        Assert.Null(stored.LastError);
    }

    [Theory]
    [InlineData(OutboxKind.Acknowledgment, true)]
    [InlineData(OutboxKind.Notification, true)]
    [InlineData(OutboxKind.Reminder, true)]
    [InlineData(OutboxKind.Welcome, true)]
    [InlineData(OutboxKind.Reply, false)]
    [InlineData(OutboxKind.ListChangeConfirmation, false)]
    public async Task Automatic_mail_says_so_in_its_headers_and_an_agents_reply_does_not(OutboxKind kind, bool automatic)
    {
        var message = await SaveAsync(kind, "ann@acme.example", $"[SC-100008] {kind}", "Text");

        await Delivery.DeliverAsync(message.Id, CancellationToken.None);

        var mime = MimeMessage.Load(EmlPath(message.Id));
        Assert.Equal(automatic ? "auto-replied" : null, mime.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal(automatic ? "All" : null, mime.Headers["X-Auto-Response-Suppress"]);
        Assert.Null(mime.InReplyTo);
        Assert.Empty(mime.References);
    }

    [Fact]
    public async Task Delivering_twice_writes_one_file_once_and_sets_the_sent_time_once()
    {
        var message = await SaveAsync(OutboxKind.Reply, "bob@acme.example", "Re: [SC-100009] Twice", "Once only");
        await Delivery.DeliverAsync(message.Id, CancellationToken.None);
        var sentAt = (await StoredAsync(message.Id)).SentAtUtc;
        var written = File.GetLastWriteTimeUtc(EmlPath(message.Id));
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));

        await Delivery.DeliverAsync(message.Id, CancellationToken.None);
        await Delivery.DeliverBatchAsync([message.Id, message.Id], CancellationToken.None);

        Assert.NotNull(sentAt);
        var stored = await StoredAsync(message.Id);
        Assert.Equal(sentAt, stored.SentAtUtc);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal([$"{message.Id:D8}.eml"], FilesFor(message.Id));
        Assert.Equal(written, File.GetLastWriteTimeUtc(EmlPath(message.Id)));
        Assert.Equal("Once only", Normalize(MimeMessage.Load(EmlPath(message.Id)).TextBody));
    }

    [Fact]
    public async Task Batch_delivers_every_good_message_and_then_throws_naming_the_failed_ones()
    {
        var good1 = await SaveAsync(OutboxKind.Reply, "carl@acme.example", "Re: [SC-100010] One", "One");
        var bad = await SaveAsync(OutboxKind.Reply, "", "Re: [SC-100010] Nowhere", "Nobody to send to");
        var good2 = await SaveAsync(OutboxKind.Reply, "dana@acme.example", "Re: [SC-100010] Two", "Two");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Delivery.DeliverBatchAsync([good1.Id, bad.Id, good2.Id], CancellationToken.None));

        Assert.Contains($"1 of 3 outbox messages failed ({bad.Id})", failure.Message, StringComparison.Ordinal);
        Assert.NotNull((await StoredAsync(good1.Id)).SentAtUtc);
        Assert.NotNull((await StoredAsync(good2.Id)).SentAtUtc);
        Assert.Equal("dana@acme.example", Assert.Single(MimeMessage.Load(EmlPath(good2.Id)).To.Mailboxes).Address);
        var failed = await StoredAsync(bad.Id);
        Assert.Null(failed.SentAtUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Empty(FilesFor(bad.Id));

        // A single delivery of a failing message throws too, so Hangfire retries it, and counts the attempt.
        await Assert.ThrowsAnyAsync<Exception>(() => Delivery.DeliverAsync(bad.Id, CancellationToken.None));
        Assert.Equal(2, (await StoredAsync(bad.Id)).Attempts);
    }

    [Fact]
    public async Task Sweep_delivers_unsent_messages_older_than_a_minute_and_leaves_the_rest()
    {
        var now = fixture.Clock.GetUtcNow();
        var stale = await SaveAsync(OutboxKind.Acknowledgment, "erin@acme.example", "[SC-100011] Lost hand-off", "Stale", createdAt: now.AddMinutes(-2));
        var fresh = await SaveAsync(OutboxKind.Acknowledgment, "fred@acme.example", "[SC-100011] Just written", "Fresh", createdAt: now);
        var exhausted = await SaveAsync(OutboxKind.Acknowledgment, "gus@acme.example", "[SC-100011] Given up", "Ten tries", createdAt: now.AddMinutes(-5), attempts: 10);
        var alreadySent = await SaveAsync(OutboxKind.Acknowledgment, "hal@acme.example", "[SC-100011] Done", "Sent", createdAt: now.AddMinutes(-5), sentAt: now.AddMinutes(-4));

        await Delivery.SweepAsync(CancellationToken.None);

        Assert.NotNull((await StoredAsync(stale.Id)).SentAtUtc);
        Assert.Equal("[SC-100011] Lost hand-off", MimeMessage.Load(EmlPath(stale.Id)).Subject);
        Assert.Null((await StoredAsync(fresh.Id)).SentAtUtc);
        Assert.Empty(FilesFor(fresh.Id));
        var givenUp = await StoredAsync(exhausted.Id);
        Assert.Null(givenUp.SentAtUtc);
        Assert.Equal(10, givenUp.Attempts);
        Assert.Empty(FilesFor(exhausted.Id));
        Assert.Equal(now.AddMinutes(-4).UtcDateTime, (await StoredAsync(alreadySent.Id)).SentAtUtc);
        Assert.Empty(FilesFor(alreadySent.Id));
    }

    [Fact]
    public async Task Sweep_records_a_failure_on_the_message_instead_of_throwing()
    {
        var bad = await SaveAsync(OutboxKind.Notification, "", "[SC-100012] Nowhere", "Nobody", createdAt: fixture.Clock.GetUtcNow().AddMinutes(-3));

        await Delivery.SweepAsync(CancellationToken.None);

        var stored = await StoredAsync(bad.Id);
        Assert.Null(stored.SentAtUtc);
        Assert.InRange(stored.Attempts, 1, 10);
        Assert.False(string.IsNullOrEmpty(stored.LastError));
        Assert.Empty(FilesFor(bad.Id));
    }

    [Fact]
    public async Task Delivery_job_delivers_its_batch_and_throws_for_hangfire_when_one_fails()
    {
        var good = await SaveAsync(OutboxKind.Reply, "ivy@acme.example", "Re: [SC-100013] Job", "From the job");
        var bad = await SaveAsync(OutboxKind.Reply, "", "Re: [SC-100013] Job", "Nowhere");
        var job = fixture.Get<OutboxDeliveryJob>();

        await job.RunAsync([good.Id], CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync([good.Id, bad.Id], CancellationToken.None));

        Assert.NotNull((await StoredAsync(good.Id)).SentAtUtc);
        Assert.Equal(1, (await StoredAsync(good.Id)).Attempts);
        Assert.Equal("From the job", Normalize(MimeMessage.Load(EmlPath(good.Id)).TextBody));
        Assert.Null((await StoredAsync(bad.Id)).SentAtUtc);
    }

    [Fact]
    public async Task Sweep_job_delivers_what_the_pump_never_handed_over()
    {
        var stale = await SaveAsync(OutboxKind.Welcome, "jo@acme.example", "Welcome to Pro Plus", "Welcome", createdAt: fixture.Clock.GetUtcNow().AddMinutes(-10));

        await fixture.Get<OutboxSweepJob>().RunAsync(CancellationToken.None);

        Assert.NotNull((await StoredAsync(stale.Id)).SentAtUtc);
        var mime = MimeMessage.Load(EmlPath(stale.Id));
        Assert.Equal(stale.MessageId, mime.MessageId);
        Assert.Equal("auto-replied", mime.Headers[HeaderId.AutoSubmitted]);
    }

    [Fact]
    public async Task A_desk_reply_handed_to_the_pump_ends_as_one_eml_threaded_onto_the_customers_mail()
    {
        var customerMessageId = $"{Guid.NewGuid():N}@mail.acme.example";
        var sender = $"kim-{Guid.NewGuid():N}@acme.example";
        var supportCase = (await fixture.Get<CaseIntake>().AcceptAsync(new IntakeRequest(CaseChannel.Email, sender, "Kim", "VPN drops hourly", "Every hour.", CaseSeverity.High, MessageId: customerMessageId))).Case;
        var tina = await TinaAsync();

        var reply = await fixture.Get<CaseDesk>().ReplyAsync(supportCase.Id, tina, "Please try the new client.");
        Assert.True(reply.Succeeded, reply.Message);
        OutboxMessage mail;
        await using (var db = await fixture.DbAsync())
        {
            mail = await db.Outbox.AsNoTracking().SingleAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.Reply);
        }
        // The pump may already have had it delivered through Hangfire; delivering it here as well must end the same way.
        await Delivery.DeliverAsync(mail.Id, CancellationToken.None);

        var stored = await StoredAsync(mail.Id);
        Assert.NotNull(stored.SentAtUtc);
        Assert.Equal([$"{mail.Id:D8}.eml"], FilesFor(mail.Id));
        var mime = MimeMessage.Load(EmlPath(mail.Id));
        Assert.Equal(sender, Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal($"Re: [{CaseNumber.Format(supportCase.Number)}] VPN drops hourly", mime.Subject);
        Assert.Equal(mail.MessageId, mime.MessageId);
        Assert.Equal(customerMessageId, mime.InReplyTo);
        Assert.StartsWith("Please try the new client.\n\nTina Tier1\n", Normalize(mime.TextBody), StringComparison.Ordinal);
    }

    // ---- Helpers ----

    private async Task<OutboxMessage> SaveAsync(OutboxKind kind, string to, string subject, string body, string? inReplyTo = null,
        DateTimeOffset? createdAt = null, int attempts = 0, DateTimeOffset? sentAt = null)
    {
        var message = Outbox.Compose(kind, to, subject, body, createdAt ?? fixture.Clock.GetUtcNow(), inReplyTo: inReplyTo);
        message.Attempts = attempts;
        message.SentAtUtc = sentAt?.UtcDateTime;
        await using var db = await fixture.DbAsync();
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    private async Task<OutboxMessage> StoredAsync(long id)
    {
        await using var db = await fixture.DbAsync();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private async Task<Actor> TinaAsync()
    {
        await using var db = await fixture.DbAsync();
        return Actors.Of(await db.Users.AsNoTracking().SingleAsync(u => u.Email == "tier1@supportconsole.local"));
    }

    private string EmlPath(long id) => Path.Combine(fixture.Pickup, $"{id:D8}.eml");

    /// <summary>The names of every file in the pickup folder for this message (the .eml, and any leftover temporary file).</summary>
    private List<string> FilesFor(long id) =>
        Directory.Exists(fixture.Pickup)
            ? [.. Directory.GetFiles(fixture.Pickup, $"{id:D8}.*").Select(f => Path.GetFileName(f)).Order()]
            : [];

    private static string Normalize(string? text) => Assert.IsType<string>(text).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
}
