using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Account;
using SupportConsole.Features.Staff;
using SupportConsole.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SupportConsole.Tests.Browser;

/// <summary>
/// Tier 1 escalates in one browser, the engineer sees it arrive in another and mails the customer a booking link, the
/// customer books on a phone-sized page in their own time zone, both get an invitation, and the call is on the
/// engineer's calendar.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TierTwoThreeBrowserTests(BrowserFixture browser)
{
    private const string Engineer = "tier2@supportconsole.local";

    [Fact]
    public async Task An_escalation_reaches_its_engineer_live_and_the_customer_books_the_proposed_call_through_the_link()
    {
        await OnlySamTakesTier2Async();
        var number = await PostCaseAsync();

        var sam = await SignedInAsync(Engineer, "Demo-tier2-1", "/escalations");
        var tina = await SignedInAsync("tier1@supportconsole.local", "Demo-tier1-1", $"/cases/{number}");

        await tina.FillAsync("#escalate-reason", "Reproduced on 5.2; needs someone who knows the exporter.");
        await tina.ClickAsync("#escalate");
        await Expect(tina.Locator("#escalation-card")).ToContainTextAsync("Sam Tier2");

        // Live: Sam's open Escalations page shows it as his, without a reload.
        await Expect(sam.Locator($"#mine-table #escalation-{CaseNumber.TryParseReference(number, out var n) switch { true => n, false => 0 }}")).ToContainTextAsync("needs someone who knows the exporter");

        await sam.GotoAsync($"/cases/{number}");
        await BrowserFixture.WaitForInteractiveAsync(sam);
        await sam.ClickAsync("#send-booking-link");
        // The snackbar comes after the mail was committed.
        await Expect(sam.Locator(".mud-snackbar")).ToContainTextAsync("Booking link mailed to customer@acme.example");
        var token = await BookingTokenAsync(n);

        var customer = await browser.NewPageAsync(390, 844);
        await customer.GotoAsync($"/book/{token}?tz=America/New_York");
        await Expect(customer.Locator("#time-zone")).ToHaveValueAsync("America/New_York");
        var firstSlot = customer.Locator("#slots a.slot").First;
        var shownTime = (await firstSlot.InnerTextAsync()).Trim();
        await firstSlot.ClickAsync();
        await Expect(customer.Locator("#chosen-time")).ToContainTextAsync(shownTime);
        await customer.ClickAsync("#confirm-booking");
        await Expect(customer.Locator("#booked-call")).ToContainTextAsync(shownTime);

        var (call, invitations) = await CallAndInvitationsAsync(n);
        Assert.Equal(["customer@acme.example", Engineer], invitations.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(invitations, m =>
        {
            Assert.Equal("REQUEST", m.CalendarMethod);
            Assert.Contains("METHOD:REQUEST", m.CalendarContent);
            Assert.Contains($"UID:{call.Uid}", m.CalendarContent);
        });
        // The customer saw Eastern time: the same instant is an hour earlier in Central.
        var eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Equal(shownTime, TimeZoneInfo.ConvertTime(call.StartUtc, eastern).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));

        await sam.GotoAsync("/calendar");
        await BrowserFixture.WaitForInteractiveAsync(sam);
        var onCalendar = sam.Locator($"#calendar-call-{call.Id}");
        for (var week = 0; week < 3 && await onCalendar.CountAsync() == 0; week++)
        {
            await sam.ClickAsync("#next-week");
        }
        await Expect(onCalendar).ToContainTextAsync(number);
        await Expect(onCalendar).ToContainTextAsync("customer@acme.example");
        await sam.Context.CloseAsync();
        await tina.Context.CloseAsync();
        await customer.Context.CloseAsync();
    }

    /// <summary>Everyone else who holds Tier 2 is away for two months, so the rule has one engineer to choose.</summary>
    private async Task OnlySamTakesTier2Async()
    {
        var roster = browser.App.Services.GetRequiredService<StaffRoster>();
        var now = DateTimeOffset.UtcNow;
        foreach (var member in await roster.ListAsync(SupportConsole.Domain.Calendar.SupportTier.Tier2))
        {
            if (member.Email != Engineer && member.TimeOff.All(t => t.To < now.AddDays(40)))
            {
                Assert.Null(await roster.AddTimeOffAsync(member.UserId, now.AddHours(-1), now.AddDays(60), "away for the browser test"));
            }
        }
    }

    private async Task<string> PostCaseAsync()
    {
        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", AppFactory.ApiKey);
        var response = await api.PostCaseAsync(new { from = "customer@acme.example", name = "Cora Customer", subject = "Export stalls " + Guid.NewGuid().ToString("N")[..6], body = "It stalls.", severity = 3 });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    private async Task<IPage> SignedInAsync(string email, string password, string path)
    {
        Assert.Contains(DemoAccounts.All, d => d.Email == email && d.Password == password);
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, email, password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
        await page.GotoAsync(path);
        await BrowserFixture.WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>The token of the booking link mailed for the case, read from the outbox the mail went into.</summary>
    private async Task<string> BookingTokenAsync(long number)
    {
        var dbFactory = browser.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var body = await (from m in db.Outbox
                          join c in db.Cases on m.CaseId equals c.Id
                          where c.Number == number && m.Kind == OutboxKind.BookingLink
                          select m.Body).SingleAsync();
        return Regex.Match(body, @"/book/([A-Za-z0-9_\-]+)").Groups[1].Value;
    }

    private async Task<(Call Call, IReadOnlyList<OutboxMessage> Invitations)> CallAndInvitationsAsync(long number)
    {
        var dbFactory = browser.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var caseId = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        var call = await db.Calls.SingleAsync(c => c.CaseId == caseId && c.Status == CallStatus.Booked);
        var invitations = await db.Outbox.Where(m => m.CaseId == caseId && m.Kind == OutboxKind.CallInvitation).ToListAsync();
        return (call, invitations);
    }
}
