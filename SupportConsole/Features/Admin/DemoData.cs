using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Plans;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Staffing;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Calls;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Staff;

namespace SupportConsole.Features.Admin;

/// <summary>
/// Demo customers for a newcomer's first look (<c>Demo:Seed</c>, on in Development). Runs only on a desk
/// with no customers yet, so it never touches a database that already holds real data.
/// </summary>
internal sealed class DemoData(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    CaseIntake intake,
    StaffRoster staff,
    CaseDesk desk,
    CallBook calls,
    BusinessCalendar calendar,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DemoData> logger)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Customers.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        // Central dates are never more than 6 hours behind UTC; good enough for demo term dates.
        var today = DateOnly.FromDateTime(now.UtcDateTime.AddHours(-6));
        db.Customers.AddRange(
            new Customer
            {
                Name = "Acme Corp",
                Plan = SupportPlan.ProPlus,
                TermStart = today.AddMonths(-6),
                TermEnd = today.AddMonths(6),
                PrimaryContactName = "Ann Archer",
                PrimaryContactEmail = "ann@acme.example",
                PrimaryContactPhone = "+1 312 555 0101",
                HelpdeskPhone = "+1 800 555 0199",
                CreatedAtUtc = now.UtcDateTime,
                OriginationList = [new() { Value = "acme.example" }, new() { Value = "ops@acme-partners.example" }],
            },
            new Customer
            {
                Name = "Globex",
                Plan = SupportPlan.ProPlus,
                TermStart = today.AddYears(-1).AddDays(-26),
                TermEnd = today.AddDays(-26),
                PrimaryContactName = "Hank Scorpio",
                PrimaryContactEmail = "hank@globex.example",
                PrimaryContactPhone = "+1 312 555 0102",
                HelpdeskPhone = "+1 800 555 0198",
                CreatedAtUtc = now.UtcDateTime,
                OriginationList = [new() { Value = "globex.example" }],
            },
            new Customer
            {
                Name = "Hooli",
                Plan = SupportPlan.FreeSupport,
                TermStart = today.AddMonths(-2),
                TermEnd = today.AddMonths(10),
                PrimaryContactName = "Gavin Belson",
                PrimaryContactEmail = "gavin@hooli.example",
                PrimaryContactPhone = "+1 650 555 0103",
                CreatedAtUtc = now.UtcDateTime,
                OriginationList = [new() { Value = "hooli.example" }],
            });
        await db.SaveChangesAsync(cancellationToken);
        // Demo:Cases (default on) lets tests seed customers and agents without cases of their own.
        if (configuration.GetValue("Demo:Cases", true))
        {
            await SeedReportHistoryAsync(now, cancellationToken);
            await SeedCasesAsync(now, cancellationToken);
            await SeedTier23Async(now, cancellationToken);
        }
        logger.LogInformation("Seeded demo customers Acme Corp (Pro Plus), Globex (term ended) and Hooli (Free Support) with a few cases");
        return true;
    }

    /// <summary>A few cases through the real intake path, so queues and the dashboard have something to show.</summary>
    private async Task SeedCasesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        (string From, string Name, string Subject, string Body, CaseSeverity Severity, double HoursAgo)[] cases =
        [
            ("ops@acme.example", "Omar Ops", "Nightly export job fails with timeout", "Since yesterday the 02:00 export stops after 30 minutes with a timeout. Logs attached later.", CaseSeverity.High, 50),
            ("ann@acme.example", "Ann Archer", "How do we rotate the API signing key?", "We want to rotate the key without downtime. Is there a documented procedure?", CaseSeverity.Question, 20),
            ("dev@acme.example", "Dana Dev", "Dashboard shows wrong totals after upgrade", "After upgrading to 5.2 the monthly totals are off by one day.", CaseSeverity.Normal, 3),
            ("gavin@hooli.example", "Gavin Belson", "Feature request: dark mode for reports", "Our analysts would love a dark theme for the report viewer.", CaseSeverity.Question, 26),
            ("zed@globex.example", "Zed Zhang", "Login page very slow", "The login page takes 20 seconds to load since this morning.", CaseSeverity.High, 5),
            ("someone@example.org", "Sam Someone", "Question about pricing of Pro Plus", "What does the Pro Plus plan include and how much is it?", CaseSeverity.Question, 1),
        ];
        foreach (var c in cases)
        {
            await intake.AcceptAsync(new IntakeRequest(CaseChannel.Email, c.From, c.Name, c.Subject, c.Body, c.Severity,
                ImportedReceivedAt: now.AddHours(-c.HoursAgo)), cancellationToken);
        }

        // A little history: answered and resolved cases from the past days, one of them answered late.
        (string From, string Subject, int DaysAgo, double AnsweredAfterHours)[] history =
        [
            ("ann@acme.example", "SSO login loops back to the sign-in page", 9, 3),
            ("ops@acme.example", "Certificate renewal reminder", 6, 1.5),
            ("dev@acme.example", "Webhook retries too aggressive", 4, 60),
            ("ann@acme.example", "Invoice PDF missing VAT number", 2, 5),
        ];
        // Intake commits each case (and starts its tracking) before its answer exists, so the answers and the SLA record
        // are written together afterwards, in one transaction: thresholds crossed before the answer are recorded (silently:
        // this is history, nobody could act on it), and none recorded for a threshold the answer beat.
        var answers = new List<(long CaseId, DateTime AnsweredAtUtc)>();
        foreach (var h in history)
        {
            var received = now.AddDays(-h.DaysAgo);
            var created = (await intake.AcceptAsync(new IntakeRequest(CaseChannel.Email, h.From, "", h.Subject, "See subject.", CaseSeverity.Normal,
                ImportedReceivedAt: received), cancellationToken)).Case;
            answers.Add((created.Id, received.AddHours(h.AnsweredAfterHours).ToWholeSecond().UtcDateTime));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var crossed = new List<(long CaseId, SlaEventKind Kind, DateTime ThresholdAtUtc)>();
        foreach (var (caseId, answered) in answers)
        {
            var stored = await db.Cases.FirstAsync(x => x.Id == caseId, cancellationToken);
            stored.RecordResponse(answered.AsInstant(), calendar.Current);
            stored.ChangeStatus(CaseStatus.Resolved, answered.AsInstant());
            stored.Version++;
            db.CaseEntries.Add(new CaseEntry { CaseId = stored.Id, Kind = CaseEntryKind.Reply, AtUtc = answered, Author = "tier1@supportconsole.local", Body = "Thanks, this is fixed now. (demo history)" });
            await db.SlaEvents.Where(e => e.CaseId == stored.Id && e.ThresholdAtUtc >= answered).ExecuteDeleteAsync(cancellationToken);
            if (stored.AtRiskAtUtc is { } atRisk && atRisk < answered)
            {
                crossed.Add((stored.Id, SlaEventKind.AtRisk, atRisk));
            }
            if (stored.FirstResponseDueAtUtc is { } due && due < answered)
            {
                crossed.Add((stored.Id, SlaEventKind.Breached, due));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await db.RecordSlaEventsOnceAsync(crossed, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Six weeks of imported history for the reports page: three Acme cases each business day, most answered within a
    /// few business hours, some late, a few closed without a reply. Deterministic, through the real import path (so no
    /// acknowledgment and no alert for the past).
    /// </summary>
    private async Task SeedReportHistoryAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        string[] senders = ["ops@acme.example", "ann@acme.example", "dev@acme.example", "ops@acme-partners.example"];
        string[] subjects = ["Report export slow", "SSO certificate question", "API rate limit reached", "Webhook payload missing field", "User cannot reset password", "Billing contact change"];
        (int Hour, int Minute)[] arrivals = [(8, 30), (11, 0), (15, 45)];
        var current = calendar.Current;
        var today = TierCalendar.LocalDateOf(now);
        var index = 0;
        for (var day = today.AddDays(-42); day < today.AddDays(-2); day = day.AddDays(1))
        {
            if (!current.IsBusinessDay(day))
            {
                continue;
            }
            foreach (var (hour, minute) in arrivals)
            {
                index++;
                var received = Domain.Reports.SlaReportRules.StartOfCentralDay(day).AddHours(hour).AddMinutes(minute);
                var clockStart = current.ClockStart(SupportTier.Tier1, received);
                DateTimeOffset? answered = index % 11 == 5 ? null
                    : index % 7 == 3 ? current.AddBusinessTime(SupportTier.Tier1, clockStart, TimeSpan.FromHours(26 + (index % 3 * 4)))
                    : current.AddBusinessTime(SupportTier.Tier1, clockStart, TimeSpan.FromMinutes(20 + (index * 37 % 600)));
                var closed = (answered ?? received.AddDays(3)).AddHours(20);
                var history = answered > now ? null
                    : new ImportedHistory(answered, closed <= now ? CaseStatus.Closed : CaseStatus.WaitingOnCustomer, closed <= now ? closed : null);
                await intake.AcceptAsync(new IntakeRequest(index % 4 == 0 ? CaseChannel.Web : CaseChannel.Email, senders[index % senders.Length], "",
                    subjects[index % subjects.Length], "Demo history.", (CaseSeverity)(index % 4 + 1), ImportedReceivedAt: received, History: history), cancellationToken);
            }
        }
    }

    /// <summary>
    /// The Tier 2-3 desk's demo: engineers' hours and capacity, one engineer on leave, two escalations assigned by the
    /// real rule, and a call booked on one of them, so an engineer's first look shows a day to work with.
    /// </summary>
    private async Task SeedTier23Async(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => u, StringComparer.OrdinalIgnoreCase, cancellationToken);
        if (!users.TryGetValue("tier1@supportconsole.local", out var tina) || !users.TryGetValue("tier2@supportconsole.local", out var sam))
        {
            return;
        }
        var window = calendar.Current.Tier23Hours;
        var whole = WeeklyHours.WholeWindow(window);
        WeeklyHours.TryParse(new Dictionary<string, string[]> { ["mon"] = ["09:00", "13:00"], ["tue"] = ["09:00", "13:00"], ["wed"] = ["09:00", "13:00"], ["thu"] = ["09:00", "13:00"] }, window, out var mornings, out _);
        await staff.SetScheduleAsync(sam.Id, 6, whole, cancellationToken);
        await SetIfPresentAsync(users, "tier2b@supportconsole.local", 4, mornings ?? whole, cancellationToken);
        await SetIfPresentAsync(users, "tier2c@supportconsole.local", 6, whole, cancellationToken);
        await SetIfPresentAsync(users, "tier3@supportconsole.local", 5, whole, cancellationToken);
        await SetIfPresentAsync(users, "sales@supportconsole.local", 8, whole, cancellationToken);
        // The administrator holds every role, so keep their share of engineering small.
        await SetIfPresentAsync(users, "admin@supportconsole.local", 1, whole, cancellationToken);
        if (users.TryGetValue("admin@supportconsole.local", out var admin))
        {
            // Counts as just assigned, so the rule's tie-break hands the demo escalations to the engineers first.
            await db.StaffProfiles.Where(p => p.UserId == admin.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.LastAssignedAtUtc, now.UtcDateTime), cancellationToken);
        }
        if (users.TryGetValue("tier2c@supportconsole.local", out var lena))
        {
            await staff.AddTimeOffAsync(lena.Id, now.AddHours(-2), now.AddDays(10), "vacation", cancellationToken);
        }

        var tier1 = new Actor(tina.Id, tina.NameOrEmail, tina.Email!);
        var open = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Open).OrderBy(c => c.ArrivalSequence).ToListAsync(cancellationToken);
        var export = open.FirstOrDefault(c => c.Subject.StartsWith("Nightly export", StringComparison.Ordinal));
        var login = open.FirstOrDefault(c => c.Subject.StartsWith("Login page", StringComparison.Ordinal));
        if (export is not null)
        {
            await desk.EscalateAsync(export.Id, SupportTier.Tier2, "Export times out at 30 minutes in the customer's environment only; reproduced the job config, suspect the DB connection pool. Logs in the thread.", tier1, cancellationToken);
            var escalation = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == export.Id && e.EndedAtUtc == null, cancellationToken);
            if (escalation?.AssigneeId is { } engineer)
            {
                var slots = await calls.SlotsAsync(engineer, TimeSpan.FromMinutes(30), 5, cancellationToken: cancellationToken);
                if (slots.Count > 0 && slots[0] is var slot)
                {
                    await calls.BookAsync(new CallDraft(export.Id, engineer, slot.Start, TimeSpan.FromMinutes(30), export.FromAddress, export.FromName,
                        $"Call about the nightly export timeout ({CaseNumber.Format(export.Number)})", "Demo data"), cancellationToken);
                }
            }
        }
        if (login is not null)
        {
            await desk.EscalateAsync(login.Id, SupportTier.Tier3, "Login takes 20 s since this morning for every Globex user; no errors in our logs. Needs someone who knows the auth service.", tier1, cancellationToken);
        }
    }

    private async Task SetIfPresentAsync(Dictionary<string, AgentUser> users, string email, int capacity, WeeklyHours hours, CancellationToken cancellationToken)
    {
        if (users.TryGetValue(email, out var user))
        {
            await staff.SetScheduleAsync(user.Id, capacity, hours, cancellationToken);
        }
    }
}
