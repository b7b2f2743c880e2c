using System.Linq.Expressions;
using Hangfire;
using SupportConsole.Features.Escalations;
using SupportConsole.Features.Intake.IncomingMail;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Features.PlanTerm;
using SupportConsole.Features.Sla;

namespace SupportConsole.Hosting;

/// <summary>
/// Every recurring job of the app, in one table. Deadline jobs (one per case threshold) are not recurring: the
/// reconciliation schedules them. A disabled job (IMAP without a server) is removed from Hangfire's storage.
/// </summary>
public static class RecurringJobs
{
    public static IReadOnlyList<RecurringJob> Table(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var tracking = services.GetRequiredService<DeadlineTrackingOptions>();
        var incomingMail = services.GetRequiredService<IncomingMailOptions>();
        var central = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        return
        [
            Job<ReconciliationJob>(ReconciliationJob.Id, "Sla", tracking.ReconciliationCron, TimeZoneInfo.Utc, true,
                "schedules deadline jobs coming due and records crossings that were missed (Sla:Tracking:ReconciliationCron)",
                j => j.RunAsync()),
            Job<ManagerBreachDigestJob>(ManagerBreachDigestJob.Id, "Notifications", configuration["Notifications:DigestCron"] ?? Cron.Minutely(), TimeZoneInfo.Utc, true,
                "mails managers the breaches waiting for them, only in Tier 1 hours (Notifications:DigestCron)",
                j => j.RunAsync(CancellationToken.None)),
            Job<PlanTermJob>(PlanTermJob.Id, "PlanTerm", configuration["PlanTerm:Cron"] ?? "0 6 * * *", central, true,
                "welcome, renewal reminders and end of term, daily at 06:00 Central (PlanTerm:Cron)",
                j => j.RunAsync()),
            Job<EscalationDeskJob>(EscalationDeskJob.Id, "Escalations", Cron.Minutely(), TimeZoneInfo.Utc, true,
                "records pickup crossings a scheduled job missed and assigns waiting escalations when an engineer has room",
                j => j.RunAsync()),
            Job<OutboxSweepJob>(OutboxSweepJob.Id, "OutgoingMail", Cron.Minutely(), TimeZoneInfo.Utc, true,
                "delivers outbox mail the pump did not hand over",
                j => j.RunAsync(CancellationToken.None)),
            Job<ImapPollJob>(ImapPollJob.Id, "Intake", ImapPollJob.Cron(incomingMail.ImapPollSeconds), TimeZoneInfo.Utc, incomingMail.ImapEnabled,
                "polls the IMAP mailbox when Email:Imap:Host is set (Email:Imap:PollSeconds)",
                j => j.RunAsync(CancellationToken.None)),
        ];
    }

    /// <summary>Adds or updates every enabled job and removes the disabled ones.</summary>
    public static void Schedule(IServiceProvider services)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in Table(services))
        {
            if (job.Enabled)
            {
                job.Register(manager, job);
            }
            else
            {
                manager.RemoveIfExists(job.Id);
            }
        }
    }

    private static RecurringJob Job<T>(string id, string feature, string cron, TimeZoneInfo zone, bool enabled, string purpose, Expression<Func<T, Task>> call) =>
        new(id, feature, cron, zone, enabled, purpose,
            (manager, job) => manager.AddOrUpdate(job.Id, call, job.Cron, new RecurringJobOptions { TimeZone = job.TimeZone }));
}
