using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Intake.IncomingMail;

/// <summary>The real app with its SMTP listener on a free port of 127.0.0.1, and helpers to talk to it.</summary>
public sealed partial class SmtpHost : IAsyncLifetime
{
    public SmtpHost() : this(new Dictionary<string, string?>())
    {
    }

    internal SmtpHost(IDictionary<string, string?> extra)
    {
        Port = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Email:Smtp:Enabled"] = "true",
            ["Email:Smtp:Port"] = Port.ToString(),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        App = new AppFactory(settings: settings);
    }

    public AppFactory App { get; }
    public int Port { get; }

    public ValueTask InitializeAsync()
    {
        _ = App.Services; // starts the host, and with it the listener
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static MimeMessage Mail(string from, string subject, string body, string to = "help@supportconsole.local")
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("sender.example");
        return message;
    }

    /// <summary>Sends with MailKit's SMTP client and returns the server's final answer.</summary>
    public async Task<string> SendAsync(MimeMessage message, MailboxAddress? envelopeFrom = null, IEnumerable<MailboxAddress>? envelopeTo = null)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.None);
        var answer = envelopeFrom is null
            ? await client.SendAsync(message)
            : await client.SendAsync(message, envelopeFrom, envelopeTo ?? message.To.Mailboxes);
        await client.DisconnectAsync(true);
        return answer;
    }

    public static long CaseNumberIn(string answer)
    {
        var match = CaseTag().Match(answer);
        Assert.True(match.Success, $"no case number in \"{answer}\"");
        return long.Parse(match.Groups[1].Value);
    }

    [GeneratedRegex(@"SC-(\d+)")]
    private static partial Regex CaseTag();

    public async Task<SupportCase> CaseAsync(long number)
    {
        await using var db = await Db();
        return await db.Cases.AsNoTracking().Include(c => c.Thread.OrderBy(e => e.Id)).SingleAsync(c => c.Number == number);
    }

    public async Task<SupportConsoleDbContext> Db() =>
        await App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();

    /// <summary>Speaks SMTP over a plain socket: for what a well-behaved client refuses to send. Returns each command's answer.</summary>
    public async Task<List<string>> SendRawAsync(string mailFrom, string rcptTo, byte[] data)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Port);
        await using var stream = tcp.GetStream();
        var answers = new List<string> { await ReadReplyAsync(stream) };
        async Task<string> Command(string line)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
            var reply = await ReadReplyAsync(stream);
            answers.Add(reply);
            return reply;
        }
        await Command("EHLO tester.example");
        await Command($"MAIL FROM:<{mailFrom}>");
        await Command($"RCPT TO:<{rcptTo}>");
        if ((await Command("DATA")).StartsWith("354", StringComparison.Ordinal))
        {
            await stream.WriteAsync(data);
            await Command("\r\n.");
        }
        await Command("QUIT");
        return answers;
    }

    internal static async Task<string> ReadReplyAsync(Stream stream)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = new StringBuilder();
            while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(buffer, timeout.Token) == 0)
                {
                    return text.Append(line).ToString();
                }
                line.Append((char)buffer[0]);
            }
            text.Append(line);
            // "250-..." continues, "250 ..." ends a reply.
            if (line.Length < 4 || line[3] != '-')
            {
                return text.ToString().TrimEnd();
            }
        }
    }

    /// <summary>
    /// The path of the first .eml in the pickup folder whose text matches, once outgoing mail delivery has written it.
    /// Delivery runs in the background (outbox pump, then a job on Hangfire's server, then the file), and the app signals
    /// nothing when it is done; the file itself is the signal: the folder is watched (created, or renamed into place as
    /// delivery does), and files written before the watch began are checked once. Fails after the timeout (20 seconds).
    /// </summary>
    public async Task<string> PickedUpMailAsync(Func<string, bool> matches, TimeSpan? timeout = null)
    {
        var folder = App.Services.GetRequiredService<DataFolders>().Pickup;
        Directory.CreateDirectory(folder);
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(string path)
        {
            try
            {
                if (path.EndsWith(".eml", StringComparison.Ordinal) && File.Exists(path) && matches(File.ReadAllText(path)))
                {
                    found.TrySetResult(path);
                }
            }
            catch (Exception e)
            {
                found.TrySetException(e); // never throw on the watcher's thread
            }
        }

        using var watcher = new FileSystemWatcher(folder);
        watcher.Created += (_, e) => Check(e.FullPath);
        watcher.Renamed += (_, e) => Check(e.FullPath);
        watcher.Error += (_, e) => found.TrySetException(e.GetException());
        watcher.EnableRaisingEvents = true;
        foreach (var path in Directory.EnumerateFiles(folder, "*.eml"))
        {
            Check(path);
        }
        try
        {
            return await found.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No matching mail was delivered to {folder} in time.");
            throw;
        }
    }
}
