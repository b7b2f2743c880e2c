using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Calls;
using SupportConsole.Tests.Features.Escalations;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Calls;

/// <summary>
/// Calls through the API, <see cref="CallBook"/> and <see cref="BookingLinks"/> on the real database: free slots,
/// bookings that race, the iCalendar mail a booking, move and cancel send, booking links, and reminders.
/// </summary>
public sealed partial class CallBookTests(CallBookFixture fixture) : IClassFixture<CallBookFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = EngineeringDeskHost.Start;
    private static readonly TimeZoneInfo Central = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>Wednesday 11:00 Central: two hours after the clock's start, well inside the window.</summary>
    private const string Wednesday11 = "2027-02-17T17:00:00Z";

    /// <summary>Thursday 10:00 and 11:00 Central.</summary>
    private const string Thursday10 = "2027-02-18T16:00:00Z";
    private const string Thursday11 = "2027-02-18T17:00:00Z";

    private CallBook Calls => fixture.Get<CallBook>();
    private BookingLinks Links => fixture.Get<BookingLinks>();

    public ValueTask InitializeAsync() => new(fixture.ResetAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // ---- Slots ----

    [Fact]
    public async Task Slots_are_quarter_hour_starts_inside_central_business_hours_at_least_an_hour_ahead_and_clear_of_booked_calls()
    {
        var supportCase = await fixture.OpenCaseAsync();
        using var api = fixture.Api();

        var slots = await SlotsAsync(api, supportCase);

        Assert.NotEmpty(slots);
        var now = fixture.Clock.GetUtcNow();
        foreach (var (start, end) in slots)
        {
            var local = TimeZoneInfo.ConvertTime(start, Central);
            var localEnd = TimeZoneInfo.ConvertTime(end, Central);
            Assert.Equal(TimeSpan.FromMinutes(30), end - start);
            Assert.Equal(0, local.Minute % 15);
            Assert.Equal(0, local.Second);
            Assert.True(local.TimeOfDay >= new TimeSpan(9, 0, 0), $"{local} starts before 09:00 Central");
            Assert.True(localEnd.TimeOfDay <= new TimeSpan(17, 0, 0) && localEnd.Date == local.Date, $"{localEnd} ends after 17:00 Central");
            Assert.DoesNotContain(local.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
            Assert.True(start >= now.AddMinutes(60), $"{start:O} is less than an hour ahead of {now:O}");
        }
        Assert.Equal(Instant("2027-02-17T16:00:00Z"), slots[0].Start); // 10:00 Central: the first quarter hour an hour ahead
        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
        Assert.Equal(slots.OrderBy(s => s.Start), slots);
        // Five business days: Thursday to the next Wednesday, plus what is left of today.
        Assert.True(slots[^1].End <= Instant("2027-02-24T23:00:00Z"));
        Assert.Contains(slots, s => s.Start == Instant("2027-02-24T22:30:00Z"));

        // A booked call takes its slot and 10 minutes either side.
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(api, supportCase, Wednesday11)).StatusCode);
        var after = (await SlotsAsync(api, supportCase)).Select(s => s.Start).ToHashSet();
        Assert.Contains(Instant("2027-02-17T16:15:00Z"), after);
        foreach (var taken in new[] { "16:30", "16:45", "17:00", "17:15", "17:30" })
        {
            Assert.DoesNotContain(Instant($"2027-02-17T{taken}:00Z"), after);
        }
        Assert.Contains(Instant("2027-02-17T17:45:00Z"), after);
    }

    [Fact]
    public async Task Slots_need_an_engineer_when_the_case_has_no_escalation_to_take_one_from()
    {
        var supportCase = await fixture.OpenCaseAsync();
        using var api = fixture.Api();

        var response = await api.GetAsync($"/api/cases/{Number(supportCase)}/calls/slots?durationMinutes=30");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("engineer", out _));
    }

    // ---- Booking races ----

    [Fact]
    public async Task Eight_bookings_of_one_slot_at_once_give_exactly_one_call_and_seven_conflicts()
    {
        var supportCase = await fixture.OpenCaseAsync();
        using var api = fixture.Api();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => BookAsync(api, supportCase, Wednesday11))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Contains("is no longer free with Cora Caller", (await conflict.JsonAsync()).GetProperty("detail").GetString());
        }
        await using var db = await fixture.DbAsync();
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.CaseId == supportCase.Id);
        Assert.Equal(Instant(Wednesday11).UtcDateTime, call.StartUtc);
        Assert.Equal(CallStatus.Booked, call.Status);
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.CallInvitation));
        Assert.Single(await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == supportCase.Id && e.Event == "call-booked").ToListAsync());
    }

    [Fact]
    public async Task Two_overlapping_bookings_with_different_starts_at_once_give_one_call()
    {
        var supportCase = await fixture.OpenCaseAsync();
        using var api = fixture.Api();

        // 10:00–10:30 and 10:15–10:45 Central.
        var responses = await Task.WhenAll(
            Task.Run(() => BookAsync(api, supportCase, "2027-02-17T16:00:00Z")),
            Task.Run(() => BookAsync(api, supportCase, "2027-02-17T16:15:00Z")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        await using var db = await fixture.DbAsync();
        Assert.Single(await db.Calls.AsNoTracking().Where(c => c.EngineerId == fixture.Cora.UserId && c.Status == CallStatus.Booked).ToListAsync());
    }

    // ---- Book, move, cancel ----

    [Fact]
    public async Task Booking_moving_and_cancelling_mail_both_sides_an_invitation_with_one_uid_and_a_rising_sequence()
    {
        var supportCase = await fixture.OpenCaseAsync();
        using var api = fixture.Api();

        var booked = await BookAsync(api, supportCase, Thursday10);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var json = await booked.JsonAsync();
        var id = json.GetProperty("id").GetInt64();
        var uid = json.GetProperty("uid").GetString()!;
        Assert.Equal($"/api/calls/{id}", booked.Headers.Location?.OriginalString);
        Assert.Equal(Number(supportCase), json.GetProperty("caseNumber").GetString());
        Assert.Equal(Thursday10, json.GetProperty("start").GetString());
        Assert.Equal("2027-02-18T16:30:00Z", json.GetProperty("end").GetString());
        Assert.Equal(CallBookFixture.CoraEmail, json.GetProperty("engineer").GetString());
        Assert.Equal(supportCase.FromAddress, json.GetProperty("attendee").GetString());
        Assert.Equal("booked", json.GetProperty("status").GetString());
        Assert.Equal(0, json.GetProperty("sequence").GetInt32());
        var call = await CallAsync(id);
        Assert.Equal(uid, call.Uid);
        Assert.Equal(0, call.Sequence);
        Assert.Equal(fixture.Cora.UserId, call.EngineerId);
        Assert.Equal(supportCase.FromAddress, call.AttendeeEmail);
        var requests = await InvitationsAsync(supportCase.Id);
        Assert.Equal(2, requests.Count);
        Assert.Equal(new[] { CallBookFixture.CoraEmail, supportCase.FromAddress }.Order(), requests.Select(m => m.To).Order());
        Assert.All(requests, m =>
        {
            Assert.Equal("REQUEST", m.CalendarMethod);
            Assert.Contains("METHOD:REQUEST", m.CalendarContent);
            Assert.Contains($"UID:{uid}", m.CalendarContent);
            Assert.Contains("SEQUENCE:0", m.CalendarContent);
            Assert.Contains("DTSTART;TZID=America/Chicago:20270218T100000", m.CalendarContent);
        });

        var moved = await api.PutAsJsonAsync($"/api/calls/{id}", new { start = Thursday11 });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var movedJson = await moved.JsonAsync();
        Assert.Equal(1, movedJson.GetProperty("sequence").GetInt32());
        Assert.Equal(Thursday11, movedJson.GetProperty("start").GetString());
        Assert.Equal(uid, movedJson.GetProperty("uid").GetString());
        call = await CallAsync(id);
        Assert.Equal(Instant(Thursday11).UtcDateTime, call.StartUtc);
        Assert.Equal(Instant(Thursday11).AddMinutes(30).UtcDateTime, call.EndUtc);
        Assert.Equal(1, call.Sequence);
        Assert.Equal(uid, call.Uid);
        var updates = (await InvitationsAsync(supportCase.Id)).Skip(2).ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, m =>
        {
            Assert.Equal("REQUEST", m.CalendarMethod);
            Assert.Contains("METHOD:REQUEST", m.CalendarContent);
            Assert.Contains($"UID:{uid}", m.CalendarContent);
            Assert.Contains("SEQUENCE:1", m.CalendarContent);
            Assert.Contains("DTSTART;TZID=America/Chicago:20270218T110000", m.CalendarContent);
        });

        var cancelled = await api.DeleteAsync($"/api/calls/{id}");

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        call = await CallAsync(id);
        Assert.Equal(CallStatus.Cancelled, call.Status);
        Assert.Equal(2, call.Sequence);
        var cancels = (await InvitationsAsync(supportCase.Id)).Skip(4).ToList();
        Assert.Equal(2, cancels.Count);
        Assert.Equal(new[] { CallBookFixture.CoraEmail, supportCase.FromAddress }.Order(), cancels.Select(m => m.To).Order());
        Assert.All(cancels, m =>
        {
            Assert.Equal("CANCEL", m.CalendarMethod);
            Assert.Contains("METHOD:CANCEL", m.CalendarContent);
            Assert.Contains($"UID:{uid}", m.CalendarContent);
            Assert.Contains("SEQUENCE:2", m.CalendarContent);
            Assert.Contains("STATUS:CANCELLED", m.CalendarContent);
            Assert.StartsWith("Cancelled: ", m.Subject);
        });
        var timeline = await EventsAsync(supportCase.Id);
        Assert.Equal(new string?[] { "call-booked", "call-rescheduled", "call-cancelled" }, timeline);

        // The slot is free again; a cancelled call cannot be moved or cancelled twice.
        Assert.Contains(Instant(Thursday11), (await SlotsAsync(api, supportCase)).Select(s => s.Start));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/calls/{id}", new { start = Thursday10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/calls/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync("/api/calls/987654321")).StatusCode);
        Assert.Equal(6, (await InvitationsAsync(supportCase.Id)).Count);
    }

    [Theory]
    [InlineData("2027-02-17T23:00:00Z")] // 17:00 Central: the window has closed
    [InlineData("2027-02-17T14:00:00Z")] // 08:00 Central: before the window (and in the past)
    [InlineData("2027-02-20T16:00:00Z")] // Saturday 10:00 Central
    [InlineData("2027-02-17T15:30:00Z")] // 09:30 Central: less than an hour's notice
    [InlineData("2027-02-18T16:07:00Z")] // Thursday 10:07 Central: off the quarter-hour grid
    public async Task A_start_outside_the_engineers_availability_is_refused_and_books_nothing(string start)
    {
        var supportCase = await fixture.OpenCaseAsync();
        using var api = fixture.Api();

        var response = await BookAsync(api, supportCase, start);

        // Outside availability is the caller's mistake (400); 409 is kept for a slot someone else just took.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        var message = problem.GetProperty("errors").GetProperty("start")[0].GetString();
        Assert.Contains("not a time Cora Caller takes calls", message);
        await using var db = await fixture.DbAsync();
        Assert.False(await db.Calls.AnyAsync(c => c.CaseId == supportCase.Id));
        Assert.False(await db.Outbox.AnyAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.CallInvitation));
    }

    [Fact]
    public async Task A_duration_off_the_quarter_hours_is_a_400()
    {
        var supportCase = await fixture.OpenCaseAsync();
        using var api = fixture.Api();

        var response = await api.PostAsJsonAsync($"/api/cases/{Number(supportCase)}/calls", new { start = Thursday10, durationMinutes = 20, engineer = CallBookFixture.CoraEmail });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("quarter hours", (await response.JsonAsync()).GetProperty("errors").GetProperty("start")[0].GetString());
        await using var db = await fixture.DbAsync();
        Assert.False(await db.Calls.AnyAsync(c => c.CaseId == supportCase.Id));
    }

    // ---- Booking links ----

    [Fact]
    public async Task A_booking_link_is_mailed_opens_books_with_the_cases_sender_and_then_reschedules_the_same_call()
    {
        var supportCase = await fixture.OpenCaseAsync();

        var sent = await Links.SendAsync(supportCase.Id, fixture.Cora.UserId, TimeSpan.FromMinutes(30), fixture.Tina);

        Assert.True(sent.Succeeded, sent.Message);
        Assert.Equal($"Booking link mailed to {supportCase.FromAddress}.", sent.Message);
        var token = await TokenFromMailAsync(supportCase);
        await using (var db = await fixture.DbAsync())
        {
            var link = await db.BookingLinks.AsNoTracking().SingleAsync(l => l.CaseId == supportCase.Id);
            Assert.Equal(Start.AddDays(7).UtcDateTime, link.ExpiresAtUtc);
            Assert.Equal(30, link.DurationMinutes);
            Assert.Equal(fixture.Cora.UserId, link.EngineerId);
            Assert.Null(link.CallId);
        }

        var view = await Links.OpenAsync(token);

        Assert.NotNull(view);
        Assert.Equal(supportCase.Id, view.CaseId);
        Assert.Equal(Number(supportCase), view.CaseNumber);
        Assert.Equal(fixture.Cora.UserId, view.EngineerId);
        Assert.Equal("Cora Caller", view.EngineerName);
        Assert.Equal(TimeSpan.FromMinutes(30), view.Duration);
        Assert.Equal(supportCase.FromAddress, view.AttendeeEmail);
        Assert.Null(view.Call);

        var booked = await Links.BookAsync(token, Instant(Thursday10));

        Assert.True(booked.Succeeded, booked.Message);
        Assert.Equal(supportCase.FromAddress, booked.Call!.AttendeeEmail);
        Assert.Equal("Ann Archer", booked.Call.AttendeeName);
        var call = await CallAsync(booked.Call.Id);
        Assert.Equal(supportCase.FromAddress, call.AttendeeEmail);
        Assert.Equal(supportCase.Id, call.CaseId);
        Assert.Equal(fixture.Cora.UserId, call.EngineerId);
        Assert.Equal(Instant(Thursday10).UtcDateTime, call.StartUtc);
        Assert.Equal(0, call.Sequence);
        await using (var db = await fixture.DbAsync())
        {
            Assert.Equal(call.Id, (await db.BookingLinks.AsNoTracking().SingleAsync(l => l.CaseId == supportCase.Id)).CallId);
        }
        Assert.Equal(call.Id, (await Links.OpenAsync(token))!.Call!.Id);

        var again = await Links.BookAsync(token, Instant(Thursday11));

        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(call.Id, again.Call!.Id);
        Assert.Equal(1, again.Call.Sequence);
        var moved = await CallAsync(call.Id);
        Assert.Equal(Instant(Thursday11).UtcDateTime, moved.StartUtc);
        Assert.Equal(1, moved.Sequence);
        Assert.Equal(call.Uid, moved.Uid);
        await using (var db = await fixture.DbAsync())
        {
            Assert.Single(await db.Calls.AsNoTracking().Where(c => c.CaseId == supportCase.Id).ToListAsync());
            var invitations = await db.Outbox.AsNoTracking().Where(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.CallInvitation).OrderBy(m => m.Id).ToListAsync();
            Assert.Equal(4, invitations.Count);
            Assert.All(invitations, m => Assert.Contains($"UID:{call.Uid}", m.CalendarContent));
            Assert.All(invitations.Skip(2), m => Assert.Contains("SEQUENCE:1", m.CalendarContent));
        }
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_opens_nothing_and_books_nothing()
    {
        var supportCase = await fixture.OpenCaseAsync();
        Assert.True((await Links.SendAsync(supportCase.Id, fixture.Cora.UserId, TimeSpan.FromMinutes(30), fixture.Tina)).Succeeded);
        var token = await TokenFromMailAsync(supportCase);
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Assert.NotNull(await Links.OpenAsync(token));
        Assert.Null(await Links.OpenAsync(tampered));
        Assert.Null(await Links.OpenAsync(token + "x"));
        Assert.Null(await Links.OpenAsync("not-a-token"));
        Assert.Null(await Links.OpenAsync(null));
        var refused = await Links.BookAsync(tampered, Instant(Thursday10));

        Assert.False(refused.Succeeded);
        Assert.Equal("This booking link is no longer valid. Reply to our email and we will send a new one.", refused.Message);
        await using var db = await fixture.DbAsync();
        Assert.False(await db.Calls.AnyAsync(c => c.CaseId == supportCase.Id));
    }

    [Fact]
    public async Task A_booking_link_expires_after_the_configured_days()
    {
        var supportCase = await fixture.OpenCaseAsync();
        Assert.True((await Links.SendAsync(supportCase.Id, fixture.Cora.UserId, TimeSpan.FromMinutes(30), fixture.Tina)).Succeeded);
        var token = await TokenFromMailAsync(supportCase);

        fixture.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.NotNull(await Links.OpenAsync(token));

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await Links.OpenAsync(token));
        var refused = await Links.BookAsync(token, Instant("2027-02-25T16:00:00Z"));

        Assert.False(refused.Succeeded);
        Assert.Contains("no longer valid", refused.Message);
        await using var db = await fixture.DbAsync();
        Assert.False(await db.Calls.AnyAsync(c => c.CaseId == supportCase.Id));
    }

    // ---- Reminders ----

    [Fact]
    public async Task A_reminder_mails_both_sides_and_does_nothing_after_a_move_or_a_cancel()
    {
        var supportCase = await fixture.OpenCaseAsync();
        using var api = fixture.Api();
        var booked = await BookAsync(api, supportCase, Thursday10);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.JsonAsync()).GetProperty("id").GetInt64();
        var first = (await CallAsync(id)).StartUtc;

        await Calls.RemindAsync(id, first, "tomorrow");

        var reminders = await RemindersAsync(supportCase.Id);
        Assert.Equal(2, reminders.Count);
        Assert.Equal(new[] { CallBookFixture.CoraEmail, supportCase.FromAddress }.Order(), reminders.Select(m => m.To).Order());
        Assert.All(reminders, m => Assert.StartsWith("Reminder: call tomorrow, Thu 2027-02-18 10:00:00 CST", m.Subject));

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/calls/{id}", new { start = Thursday11 })).StatusCode);
        await Calls.RemindAsync(id, first, "tomorrow"); // the job scheduled for the old start
        Assert.Equal(2, (await RemindersAsync(supportCase.Id)).Count);

        var second = (await CallAsync(id)).StartUtc;
        await Calls.RemindAsync(id, second, "in 15 minutes");
        Assert.Equal(4, (await RemindersAsync(supportCase.Id)).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/calls/{id}")).StatusCode);
        await Calls.RemindAsync(id, second, "in 15 minutes");
        await Calls.RemindAsync(id, second, "tomorrow");
        Assert.Equal(4, (await RemindersAsync(supportCase.Id)).Count);
    }

    // ---- Helpers ----

    private static string Number(SupportCase supportCase) => EngineeringDeskHost.Number(supportCase);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static Task<HttpResponseMessage> BookAsync(HttpClient api, SupportCase supportCase, string start) =>
        api.PostAsJsonAsync($"/api/cases/{Number(supportCase)}/calls", new { start, durationMinutes = 30, engineer = CallBookFixture.CoraEmail });

    private static async Task<List<(DateTimeOffset Start, DateTimeOffset End)>> SlotsAsync(HttpClient api, SupportCase supportCase)
    {
        var response = await api.GetAsync($"/api/cases/{Number(supportCase)}/calls/slots?engineer={Uri.EscapeDataString(CallBookFixture.CoraEmail)}&durationMinutes=30");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        return [.. json.EnumerateArray().Select(s =>
        {
            Assert.Equal(CallBookFixture.CoraEmail, s.GetProperty("engineer").GetString());
            return (Instant(s.GetProperty("start").GetString()!), Instant(s.GetProperty("end").GetString()!));
        })];
    }

    private async Task<Call> CallAsync(long id)
    {
        await using var db = await fixture.DbAsync();
        return await db.Calls.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<List<OutboxMessage>> InvitationsAsync(long caseId)
    {
        await using var db = await fixture.DbAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.CaseId == caseId && m.Kind == OutboxKind.CallInvitation).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<List<OutboxMessage>> RemindersAsync(long caseId)
    {
        await using var db = await fixture.DbAsync();
        return await db.Outbox.AsNoTracking().Where(m => m.CaseId == caseId && m.Kind == OutboxKind.CallReminder).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<List<string?>> EventsAsync(long caseId)
    {
        await using var db = await fixture.DbAsync();
        return await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == caseId && e.Event != null && e.Event.StartsWith("call-")).OrderBy(e => e.Id).Select(e => e.Event).ToListAsync();
    }

    /// <summary>The token of the one booking link mailed on the case, read from the mail as the customer gets it.</summary>
    private async Task<string> TokenFromMailAsync(SupportCase supportCase)
    {
        await using var db = await fixture.DbAsync();
        var mail = await db.Outbox.AsNoTracking().SingleAsync(m => m.CaseId == supportCase.Id && m.Kind == OutboxKind.BookingLink);
        Assert.Equal(supportCase.FromAddress, mail.To);
        Assert.Contains("/book/", mail.Body);
        var match = BookingLink().Match(mail.Body);
        Assert.True(match.Success, mail.Body);
        return match.Groups["token"].Value;
    }

    [GeneratedRegex(@"https?://\S+/book/(?<token>[A-Za-z0-9_\-]+)")]
    private static partial Regex BookingLink();
}
