using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Plans;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.PlanTerm;
using SupportConsole.Tests.Features.Sla;
using static SupportConsole.Tests.Features.Sla.TrackedDesk;

namespace SupportConsole.Tests.Features.PlanTerm;

public sealed class PlanTermTests(TrackedDesk shared) : IClassFixture<TrackedDesk>
{
    private static readonly DateOnly TermStart = new(2027, 1, 4);
    private static readonly DateOnly TermEnd = new(2027, 12, 31);

    [Fact]
    public async Task Term_start_sends_the_primary_contact_one_welcome_with_the_helpdesk_number_and_how_priority_routing_works()
    {
        var desk = await shared.StartAsync(Utc("2027-01-03T18:00:00Z"));
        var initech = await AddInitechAsync(desk);
        var jobs = desk.Get<PlanTermTracker>();

        await jobs.RunForDateAsync(TermStart.AddDays(-1));
        Assert.Empty(await EventsAsync(desk, initech));

        await jobs.RunForDateAsync(TermStart);
        await jobs.RunForDateAsync(TermStart);
        await jobs.RunForDateAsync(TermStart.AddDays(1));

        Assert.Equal([PlanTermEventKind.Welcome], await EventsAsync(desk, initech));
        var welcome = Assert.Single(await MailsAsync(desk), m => m.Kind == OutboxKind.Welcome);
        Assert.Equal("peter@initech.example", welcome.To);
        Assert.Contains("+1 800 555 0142", welcome.Body);
        Assert.Contains("priority queue", welcome.Body);
        Assert.Contains("within 24 business hours", welcome.Body);
        Assert.Contains("7am to 7pm US Central", welcome.Body);
        Assert.Contains("open a case from your address", welcome.Body);
    }

    [Fact]
    public async Task Thirty_and_seven_days_before_term_end_the_managers_and_primary_contact_are_reminded_once_each()
    {
        var desk = await shared.StartAsync(Utc("2027-01-04T18:00:00Z"));
        var initech = await AddInitechAsync(desk);
        var jobs = desk.Get<PlanTermTracker>();
        await jobs.RunForDateAsync(TermStart);

        await jobs.RunForDateAsync(TermEnd.AddDays(-31));
        Assert.DoesNotContain(PlanTermEventKind.Reminder30Days, await EventsAsync(desk, initech));
        await jobs.RunForDateAsync(TermEnd.AddDays(-30));
        await jobs.RunForDateAsync(TermEnd.AddDays(-29));
        await jobs.RunForDateAsync(TermEnd.AddDays(-7));
        await jobs.RunForDateAsync(TermEnd.AddDays(-6));
        await jobs.RunForDateAsync(TermEnd);

        Assert.Equal([PlanTermEventKind.Welcome, PlanTermEventKind.Reminder30Days, PlanTermEventKind.Reminder7Days], await EventsAsync(desk, initech));
        var reminders = (await MailsAsync(desk)).Where(m => m.Kind == OutboxKind.Reminder).ToList();
        Assert.Equal(6, reminders.Count);
        Assert.Equal(2, reminders.Count(m => m.To == "peter@initech.example"));
        Assert.Equal(2, reminders.Count(m => m.To == DemoPeople.Manager));
        Assert.Contains(reminders, m => m.Subject.Contains("(30 days)", StringComparison.Ordinal));
        Assert.Contains(reminders, m => m.Subject.Contains("(7 days)", StringComparison.Ordinal));
        await using var db = await desk.DbAsync();
        var maria = await desk.UserIdAsync(DemoPeople.Manager);
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.RecipientUserId == maria && n.Kind == NotificationCentre.PlanTermKind && n.Title.StartsWith("Initech")));
    }

    [Fact]
    public async Task After_term_end_without_renewal_the_customer_is_on_free_support_recorded_once_and_managers_are_told()
    {
        var desk = await shared.StartAsync(Utc("2027-12-31T12:00:00Z"));
        var initech = await AddInitechAsync(desk);
        var jobs = desk.Get<PlanTermTracker>();

        Assert.Equal(PlanTermState.EndingSoon, (await StatusOnAsync(desk, initech, TermEnd)).State);
        await jobs.RunForDateAsync(TermEnd);
        Assert.DoesNotContain(PlanTermEventKind.Ended, await EventsAsync(desk, initech));

        await jobs.RunForDateAsync(TermEnd.AddDays(1));
        await jobs.RunForDateAsync(TermEnd.AddDays(2));

        Assert.Single(await EventsAsync(desk, initech), k => k == PlanTermEventKind.Ended);
        await using var db = await desk.DbAsync();
        var maria = await desk.UserIdAsync(DemoPeople.Manager);
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.RecipientUserId == maria && n.Title == "Initech is now on Free Support"));
        var status = await StatusOnAsync(desk, initech, TermEnd.AddDays(1));
        Assert.Equal(PlanTermState.Ended, status.State);
        Assert.Equal("Pro Plus ended on 2027-12-31: now on Free Support", status.Text);
    }

    [Fact]
    public async Task Renewal_by_a_manager_restores_pro_plus_from_the_new_term_start_and_is_recorded()
    {
        var desk = await shared.StartAsync(Utc("2028-01-01T18:00:00Z"));
        var initech = await AddInitechAsync(desk);
        var jobs = desk.Get<PlanTermTracker>();
        await jobs.RunForDateAsync(TermEnd.AddDays(1));

        var newStart = new DateOnly(2028, 1, 10);
        await using (var db = await desk.DbAsync())
        {
            await db.Customers.Where(c => c.Id == initech).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.TermStart, newStart)
                .SetProperty(c => c.TermEnd, new DateOnly(2029, 1, 9)));
        }
        await jobs.RunForDateAsync(newStart.AddDays(-1));
        Assert.DoesNotContain(PlanTermEventKind.Renewed, await EventsAsync(desk, initech));
        Assert.Equal(PlanTermState.NotStarted, (await StatusOnAsync(desk, initech, newStart.AddDays(-1))).State);

        await jobs.RunForDateAsync(newStart);
        await jobs.RunForDateAsync(newStart);

        Assert.Single(await EventsAsync(desk, initech), k => k == PlanTermEventKind.Renewed);
        var status = await StatusOnAsync(desk, initech, newStart);
        Assert.Equal(PlanTermState.Renewed, status.State);
        await using var check = await desk.DbAsync();
        Assert.Equal(1, await check.Notifications.CountAsync(n => n.Title == "Initech renewed Pro Plus" && n.RecipientUserId == check.Users.Single(u => u.Email == DemoPeople.Manager).Id));
    }

    [Fact]
    public async Task Case_received_during_the_term_keeps_its_commitment_after_the_term_ends()
    {
        var desk = await shared.StartAsync(Utc("2026-11-30T20:00:00Z"));
        var id = await desk.OpenCaseAsync();
        var due = (await desk.CaseAsync(id)).FirstResponseDueAtUtc;
        await using (var db = await desk.DbAsync())
        {
            await db.Customers.Where(c => c.Name == "Acme Corp").ExecuteUpdateAsync(s => s.SetProperty(c => c.TermEnd, new DateOnly(2026, 11, 30)));
        }

        await desk.Get<PlanTermTracker>().RunForDateAsync(new DateOnly(2026, 12, 1));
        desk.Clock.SetUtcNow(Utc("2026-12-01T20:00:00Z"));
        await desk.Tracker.ReconcileAsync();

        var supportCase = await desk.CaseAsync(id);
        Assert.Equal(due, supportCase.FirstResponseDueAtUtc);
        Assert.Equal(SupportConsole.Domain.Cases.CaseQueue.Priority, supportCase.Queue);
        await desk.RunJobsAtAsync(Utc("2026-12-02T20:00:01Z"));
        Assert.Equal(1, await desk.EventCountAsync(id, SlaEventKind.Breached));
    }

    [Fact]
    public async Task A_welcome_without_a_helpdesk_number_is_held_until_the_customer_has_one()
    {
        var desk = await shared.StartAsync(Utc("2027-01-03T18:00:00Z"));
        var initech = await AddInitechAsync(desk);
        await using (var db = await desk.DbAsync())
        {
            await db.Customers.Where(c => c.Id == initech).ExecuteUpdateAsync(s => s.SetProperty(c => c.HelpdeskPhone, ""));
        }
        var jobs = desk.Get<PlanTermTracker>();

        await jobs.RunForDateAsync(TermStart);

        Assert.Empty(await EventsAsync(desk, initech));
        Assert.DoesNotContain(await MailsAsync(desk), m => m.Kind == OutboxKind.Welcome);

        await using (var db = await desk.DbAsync())
        {
            await db.Customers.Where(c => c.Id == initech).ExecuteUpdateAsync(s => s.SetProperty(c => c.HelpdeskPhone, "+1 800 555 0177"));
        }
        await jobs.RunForDateAsync(TermStart.AddDays(1));

        Assert.Equal([PlanTermEventKind.Welcome], await EventsAsync(desk, initech));
        Assert.Contains("Your helpdesk phone number: +1 800 555 0177", Assert.Single(await MailsAsync(desk), m => m.Kind == OutboxKind.Welcome).Body);
    }

    [Fact]
    public async Task A_customer_without_a_helpdesk_number_is_welcomed_with_the_desk_default()
    {
        var desk = await shared.StartAsync(Utc("2027-01-03T18:00:00Z"));
        var initech = await AddInitechAsync(desk);
        await using (var db = await desk.DbAsync())
        {
            await db.Customers.Where(c => c.Id == initech).ExecuteUpdateAsync(s => s.SetProperty(c => c.HelpdeskPhone, " "));
        }
        var configuration = desk.Get<Microsoft.Extensions.Configuration.IConfiguration>();
        configuration[PlanTermTracker.DefaultHelpdeskPhoneKey] = "+1 800 555 0100";
        try
        {
            await desk.Get<PlanTermTracker>().RunForDateAsync(TermStart);
        }
        finally
        {
            configuration[PlanTermTracker.DefaultHelpdeskPhoneKey] = null;
        }

        Assert.Equal([PlanTermEventKind.Welcome], await EventsAsync(desk, initech));
        Assert.Contains("Your helpdesk phone number: +1 800 555 0100", Assert.Single(await MailsAsync(desk), m => m.Kind == OutboxKind.Welcome).Body);
    }

    private static async Task<long> AddInitechAsync(TrackedDesk desk)
    {
        await using var db = await desk.DbAsync();
        var customer = new Customer
        {
            Name = "Initech",
            Plan = SupportPlan.ProPlus,
            TermStart = TermStart,
            TermEnd = TermEnd,
            PrimaryContactName = "Peter Gibbons",
            PrimaryContactEmail = "peter@initech.example",
            PrimaryContactPhone = "+1 512 555 0100",
            HelpdeskPhone = "+1 800 555 0142",
            CreatedAtUtc = desk.Clock.GetUtcNow().UtcDateTime,
        };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    private static async Task<List<PlanTermEventKind>> EventsAsync(TrackedDesk desk, long customerId)
    {
        await using var db = await desk.DbAsync();
        return await db.PlanTermEvents.Where(e => e.CustomerId == customerId).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
    }

    private static async Task<List<OutboxMessage>> MailsAsync(TrackedDesk desk)
    {
        await using var db = await desk.DbAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.Subject.Contains("Initech")).ToListAsync();
    }

    private static async Task<PlanTermStatus> StatusOnAsync(TrackedDesk desk, long customerId, DateOnly date)
    {
        desk.Clock.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero));
        return (await desk.Get<PlanTermTracker>().StatusAsync(customerId))!;
    }
}
