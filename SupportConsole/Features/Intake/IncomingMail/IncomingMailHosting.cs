using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Intake.IncomingMail;

public static class IncomingMailHosting
{
    /// <summary>Incoming mail: the intake service, the SMTP listener (unless <c>Email:Smtp:Enabled</c> is false) and the IMAP poll schedule.</summary>
    public static void AddIncomingMail(this WebApplicationBuilder builder)
    {
        var options = IncomingMailOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(MailAuthenticationOptions.From(builder.Configuration));
        builder.Services.AddSingleton<MailIntake>();
        builder.Services.AddSingleton<IMailIntake>(s => s.GetRequiredService<MailIntake>());
        builder.Services.AddSingleton<IPolledMailboxConnector, ImapMailboxConnector>();
        builder.Services.AddTransient<ImapPoller>();
        builder.Services.AddTransient<ImapPollJob>();
        if (options.SmtpEnabled)
        {
            builder.Services.AddHostedService<SmtpListener>();
        }
    }

    /// <summary>The quarantine's download: the message exactly as received, for managers.</summary>
    public static void MapIncomingMail(this WebApplication app)
    {
        app.MapGet("/admin/quarantine/{id:long}.eml", async (long id, IDbContextFactory<SupportConsoleDbContext> dbFactory, CancellationToken cancellationToken) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var raw = await db.Quarantine.AsNoTracking().Where(q => q.Id == id).Select(q => q.Raw).FirstOrDefaultAsync(cancellationToken);
            return raw is null ? Results.NotFound() : Results.File(raw, "message/rfc822", $"quarantine-{id}.eml");
        }).RequireAuthorization(Policies.Management);
    }
}
