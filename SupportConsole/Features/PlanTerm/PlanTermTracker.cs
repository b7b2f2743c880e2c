using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Plans;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.OutgoingMail;

namespace SupportConsole.Features.PlanTerm;

/// <summary>
/// The plan term, carried out once a day (06:00 Central) and callable for any Central date: the welcome at term
/// start, reminders 30 and 7 days before term end, the move to Free Support after the end, and a renewal. Each
/// milestone is a <see cref="PlanTermEvent"/> keyed by the term's dates, so a second run the same day (or a missed
/// day caught up later) does each thing once. Routing itself already follows the term dates.
/// The welcome's promise is a helpdesk number: the customer's own, else the desk-wide <c>Customers:DefaultHelpdeskPhone</c>.
/// With neither, the welcome is held (its milestone is not recorded), so the daily run sends it once a number is known.
/// </summary>
public sealed class PlanTermTracker(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    Outbox outbox,
    NotificationCentre centre,
    BusinessCalendar calendar,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<PlanTermTracker> logger)
{
    public const string DefaultHelpdeskPhoneKey = "Customers:DefaultHelpdeskPhone";

    /// <summary>The number the welcome gives this customer: its own, else the desk's default; null when there is none.</summary>
    public string? HelpdeskPhoneFor(Customer customer) =>
        !string.IsNullOrWhiteSpace(customer.HelpdeskPhone) ? customer.HelpdeskPhone.Trim()
        : configuration[DefaultHelpdeskPhoneKey] is { } fallback && !string.IsNullOrWhiteSpace(fallback) ? fallback.Trim()
        : null;

    public Task<int> RunAsync() => RunForDateAsync(TierCalendar.LocalDateOf(clock.GetUtcNow()));

    public async Task<PlanTermStatus?> StatusAsync(long customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }
        var ended = await db.PlanTermEvents.AnyAsync(e => e.CustomerId == customerId && e.Kind == PlanTermEventKind.Ended && e.TermEnd < customer.TermEnd, cancellationToken);
        return PlanTermStatus.Of(customer, TierCalendar.LocalDateOf(clock.GetUtcNow()), ended);
    }

    /// <summary>Carries out every milestone due on or before <paramref name="today"/> (Central); returns how many were recorded.</summary>
    public async Task<int> RunForDateAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customers = await db.Customers.AsNoTracking().Where(c => c.Plan == SupportPlan.ProPlus).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var events = (await db.PlanTermEvents.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(e => e.CustomerId);
        var who = await NotificationCentre.RecipientsAsync(db, cancellationToken);
        var managerEmails = await db.Users.AsNoTracking().Where(u => who.Managers.Contains(u.Id)).Select(u => u.Email ?? "").Where(e => e != "").ToListAsync(cancellationToken);
        var outgoing = new List<OutboxMessage>();
        var recorded = 0;
        var announce = false;

        foreach (var customer in customers)
        {
            var mine = events[customer.Id].ToList();
            var start = customer.TermStart;
            var end = customer.TermEnd;
            var active = today >= start && today <= end;
            bool Has(PlanTermEventKind kind) => mine.Any(e => e.Kind == kind && e.TermStart == start && e.TermEnd == end);
            void Record(PlanTermEventKind kind)
            {
                var termEvent = new PlanTermEvent { CustomerId = customer.Id, Kind = kind, TermStart = start, TermEnd = end, RecordedAtUtc = now.UtcDateTime };
                db.PlanTermEvents.Add(termEvent);
                mine.Add(termEvent);
                recorded++;
            }
            void Email(OutboxKind kind, string to, string subject, string body)
            {
                if (!string.IsNullOrWhiteSpace(to))
                {
                    var message = outbox.Compose(kind, to, subject, body, now);
                    db.Outbox.Add(message);
                    outgoing.Add(message);
                }
            }
            void NotifyManagers(string title, string body)
            {
                NotificationCentre.Add(db, who.Managers, NotificationCentre.PlanTermKind, title, body, "/admin/customers", null, now);
                announce = true;
            }

            if (active && mine.Any(e => e.Kind == PlanTermEventKind.Ended && e.TermEnd < end) && !Has(PlanTermEventKind.Renewed))
            {
                Record(PlanTermEventKind.Renewed);
                NotifyManagers($"{customer.Name} renewed Pro Plus", $"Pro Plus is back from {start:yyyy-MM-dd} to {end:yyyy-MM-dd}: priority routing and the first-response commitment apply again.");
            }

            // The welcome goes once per term start (extending the end date is not a new welcome).
            // Held while there is no helpdesk number: a later run sends it once the customer or the desk has one.
            if (active && !mine.Any(e => e.Kind == PlanTermEventKind.Welcome && e.TermStart == start))
            {
                if (HelpdeskPhoneFor(customer) is { } phone)
                {
                    Record(PlanTermEventKind.Welcome);
                    Email(OutboxKind.Welcome, customer.PrimaryContactEmail, $"Welcome to Pro Plus support, {customer.Name}", WelcomeBody(customer, calendar.Tier1HoursForCustomers, phone));
                }
                else
                {
                    logger.LogWarning("Welcome to {Customer} held: no helpdesk phone number (set the customer's or {Key})", customer.Name, DefaultHelpdeskPhoneKey);
                }
            }

            var daysLeft = end.DayNumber - today.DayNumber;
            if (active && daysLeft <= 7 && !Has(PlanTermEventKind.Reminder7Days))
            {
                Record(PlanTermEventKind.Reminder7Days);
                Remind(customer, daysLeft);
            }
            else if (active && daysLeft <= 30 && daysLeft > 7 && !Has(PlanTermEventKind.Reminder30Days))
            {
                Record(PlanTermEventKind.Reminder30Days);
                Remind(customer, daysLeft);
            }

            if (today > end && !Has(PlanTermEventKind.Ended))
            {
                Record(PlanTermEventKind.Ended);
                NotifyManagers($"{customer.Name} is now on Free Support", $"The Pro Plus term ended on {end:yyyy-MM-dd} without renewal. New cases go to the standard queue; cases received during the term keep their commitments.");
            }

            void Remind(Customer c, int left)
            {
                var subject = $"{c.Name}: Pro Plus support ends on {c.TermEnd:yyyy-MM-dd} ({left} days)";
                var body = $"Hello,\n\nThe Pro Plus support term of {c.Name} ends on {c.TermEnd:yyyy-MM-dd}, in {left} days. After that day new cases go to the standard queue without the 24-business-hour first-response commitment. To keep priority support, renew before the term ends.\n\nSupportConsole Support\n";
                Email(OutboxKind.Reminder, c.PrimaryContactEmail, subject, body);
                foreach (var manager in managerEmails)
                {
                    Email(OutboxKind.Reminder, manager, subject, body);
                }
                NotifyManagers(subject, $"Renewal reminder sent to {c.PrimaryContactName} <{c.PrimaryContactEmail}>.");
            }
        }

        if (recorded == 0)
        {
            return 0;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another run recorded the same milestone first (unique per customer, kind and term): its run did the work.
            logger.LogInformation(e, "Plan term run for {Today} found its milestones already recorded", today);
            return 0;
        }
        outbox.Dispatch(outgoing);
        if (announce)
        {
            centre.Announce(who.Managers);
        }
        logger.LogInformation("Plan term run for {Today}: {Count} milestones recorded", today, recorded);
        return recorded;
    }

    internal static string WelcomeBody(Customer customer, string tier1Hours, string helpdeskPhone)
    {
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {customer.PrimaryContactName},")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Welcome to Pro Plus support for {customer.Name}, from {customer.TermStart:yyyy-MM-dd} to {customer.TermEnd:yyyy-MM-dd}.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Your helpdesk phone number: {helpdeskPhone}")
            .AppendLine(CultureInfo.InvariantCulture, $"Tier 1 is available {tier1Hours}.")
            .AppendLine()
            .AppendLine("How priority routing works:")
            .AppendLine("- Email from the addresses and domains on your origination list lands in our priority queue.")
            .AppendLine("- A support engineer gives a first response within 24 business hours (two Tier 1 business days).")
            .AppendLine("- Mail from other senders is answered in the standard queue.")
            .AppendLine("- To change your origination list, open a case from your address (as the primary contact) asking for the change.")
            .AppendLine()
            .AppendLine("SupportConsole Support");
        return body.ToString();
    }
}
