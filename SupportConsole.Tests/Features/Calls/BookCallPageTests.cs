using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Forms.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Calls;
using SupportConsole.Features.Calls.Pages;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Calls;

/// <summary>
/// The public booking page (<c>/book/{token}</c>) rendered with bUnit on the real <see cref="BookingLinks"/> and
/// <see cref="CallBook"/> of a Development app whose clock stands at Wednesday 2027-02-17 09:00 Central. The customer's
/// zone and pick come from the address, as in the browser: each test navigates bUnit's NavigationManager to the page's
/// address before rendering it. The page is server-rendered; its two forms post back to it, which these tests play as
/// the server does: the posted <c>Start</c> is supplied to the <c>book</c> form's [SupplyParameterFromForm] parameter
/// and the form's submit event is dispatched.
/// </summary>
public sealed class BookCallPageTests : MudTestContext, IClassFixture<BookCallPageApp>, IAsyncLifetime
{
    /// <summary>Thursday 2027-02-18 09:00 Central (CST, UTC-6): 10:00 in New York (EST, UTC-5).</summary>
    private static readonly DateTimeOffset ThursdayNineCentral = new(2027, 2, 18, 15, 0, 0, TimeSpan.Zero);

    private const string NewYork = "America/New_York";

    private readonly BookCallPageApp fixture;
    private readonly PostedForm posted = new();

    public BookCallPageTests(BookCallPageApp fixture)
    {
        this.fixture = fixture;
        fixture.Lend(this);
        Services.AddSingleton<AntiforgeryStateProvider>(new TestAntiforgery());
        Services.AddSupplyValueFromFormProvider();
        Services.AddSingleton<IFormValueMapper>(posted);
    }

    public async ValueTask InitializeAsync() => await fixture.ResetAsync();

    private BookingLinks Links => fixture.Get<BookingLinks>();

    /// <summary>Navigates to the page's address (with its query) and renders the page once it has read the link.</summary>
    private IRenderedComponent<BookCallPage> RenderAt(string token, string? tz = null, long? pick = null)
    {
        var query = new List<string>();
        if (tz is not null) query.Add($"tz={Uri.EscapeDataString(tz)}");
        if (pick is not null) query.Add($"pick={pick}");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/book/{token}{(query.Count > 0 ? "?" + string.Join('&', query) : "")}");
        var page = Render<BookCallPage>(p => p.Add(x => x.Token, token));
        page.WaitForAssertion(() => Assert.True(page.FindAll("#link-invalid").Count + page.FindAll(".auth-sub").Count == 1, page.Markup));
        return page;
    }

    private static List<(string Day, List<string> Times)> SlotDays(IRenderedComponent<BookCallPage> page) =>
        [.. page.FindAll("#slots section.slot-day").Select(day => (day.QuerySelector("h2")!.TextContent,
            day.QuerySelectorAll("a.slot").Select(a => a.TextContent).ToList()))];

    [Fact]
    public async Task A_valid_link_lists_free_slots_grouped_by_day_in_the_requested_zone()
    {
        var (supportCase, token) = await fixture.CaseWithBookingLinkAsync();

        var page = RenderAt(token, tz: NewYork);

        Assert.Equal("Pick a time for a call", page.Find("#page-title").TextContent);
        var about = page.Find(".auth-sub").TextContent;
        Assert.Contains($"Case {CaseNumber.Format(supportCase.Number)}: {supportCase.Subject}", about);
        Assert.Contains("with Sam Tier2, 30 minutes.", about);
        Assert.Equal("false", page.Find("section.booking").GetAttribute("data-detect-time-zone"));
        Assert.Equal(NewYork, page.Find("#time-zone option[selected]").GetAttribute("value"));
        Assert.Empty(page.FindAll("#booked-call"));

        var days = SlotDays(page);
        // What is left of today, then ten business days (Presidents' Day, Monday 2027-02-15, is behind us); no weekends.
        Assert.Equal(
            ["Wednesday February 17", "Thursday February 18", "Friday February 19", "Monday February 22", "Tuesday February 23",
             "Wednesday February 24", "Thursday February 25", "Friday February 26", "Monday March 1", "Tuesday March 2", "Wednesday March 3"],
            days.Select(d => d.Day));
        // Today: an hour's notice from 09:00 Central, so 10:00 Central, shown as 11:00 in New York; the day ends at 17:00 Central.
        Assert.Equal("11:00", days[0].Times[0]);
        Assert.Equal("17:30", days[0].Times[^1]);
        // Thursday: 09:00 to 16:30 Central by quarter hours, as 10:00 to 17:30 New York time.
        var thursday = days[1].Times;
        Assert.Equal("10:00", thursday[0]);
        Assert.Equal("17:30", thursday[^1]);
        Assert.Equal(31, thursday.Count);
        Assert.All(page.FindAll("#slots section.slot-day"), day => Assert.Equal(day.QuerySelector("h2")!.TextContent, day.GetAttribute("aria-label")));

        // Each slot links back to the page with the zone and the slot's start.
        var first = page.FindAll("#slots section.slot-day")[1].QuerySelector("a.slot")!;
        Assert.Equal($"/book/{token}?tz=America%2FNew_York&pick={ThursdayNineCentral.ToUnixTimeSeconds()}", first.GetAttribute("href"));
    }

    [Fact]
    public async Task Without_a_zone_the_page_asks_the_browser_for_one_and_shows_central_time_meanwhile()
    {
        var (_, token) = await fixture.CaseWithBookingLinkAsync();

        var page = RenderAt(token);

        Assert.Equal("true", page.Find("section.booking").GetAttribute("data-detect-time-zone"));
        Assert.Equal("America/Chicago", page.Find("#time-zone option[selected]").GetAttribute("value"));
        var days = SlotDays(page);
        Assert.Equal(("Thursday February 18", "09:00", "16:30"), (days[1].Day, days[1].Times[0], days[1].Times[^1]));
        Assert.Equal("10:00", days[0].Times[0]);
    }

    [Fact]
    public async Task A_zone_the_page_does_not_list_is_added_to_the_picker_and_an_unknown_one_falls_back_to_central()
    {
        var (_, token) = await fixture.CaseWithBookingLinkAsync();

        var lisbon = RenderAt(token, tz: "Europe/Lisbon");
        Assert.Equal("Europe/Lisbon", lisbon.Find("#time-zone option[selected]").GetAttribute("value"));
        Assert.Equal("Europe/Lisbon", lisbon.FindAll("#time-zone option")[0].GetAttribute("value"));
        Assert.Equal("15:00", SlotDays(lisbon)[1].Times[0]); // 09:00 Central is 15:00 in Lisbon (WET, UTC+0)

        var nowhere = RenderAt(token, tz: "Mars/Olympus_Mons");
        Assert.Equal("America/Chicago", nowhere.Find("#time-zone option[selected]").GetAttribute("value"));
        Assert.Equal("09:00", SlotDays(nowhere)[1].Times[0]);
    }

    [Fact]
    public async Task A_pick_asks_to_confirm_the_chosen_time_in_the_requested_zone()
    {
        var (_, token) = await fixture.CaseWithBookingLinkAsync();

        var page = RenderAt(token, tz: NewYork, pick: ThursdayNineCentral.ToUnixTimeSeconds());

        Assert.Equal("Thursday February 18, 10:00", page.Find("#chosen-time").TextContent);
        Assert.Contains("Book Thursday February 18, 10:00 (America/New_York)?", page.Find("form.confirm").TextContent);
        Assert.Equal(ThursdayNineCentral.ToUnixTimeSeconds().ToString(), page.Find("form.confirm input[name=Start]").GetAttribute("value"));
        Assert.Equal($"/book/{token}?tz=America%2FNew_York", page.Find("#pick-another").GetAttribute("href"));
        Assert.Single(page.FindAll("#confirm-booking"));
        Assert.Empty(page.FindAll("#slots"));
        Assert.Empty(page.FindAll("#booked-call"));
    }

    [Fact]
    public async Task A_pick_outside_any_plausible_instant_is_ignored_and_the_slots_are_shown()
    {
        var (_, token) = await fixture.CaseWithBookingLinkAsync();

        var page = RenderAt(token, tz: NewYork, pick: 42);

        Assert.Empty(page.FindAll("form.confirm"));
        Assert.NotEmpty(page.FindAll("#slots a.slot"));
    }

    [Fact]
    public async Task A_tampered_or_made_up_token_shows_that_the_link_is_no_longer_valid()
    {
        var (_, token) = await fixture.CaseWithBookingLinkAsync();
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        foreach (var bad in new[] { tampered, token + "x", "not-a-token" })
        {
            var page = RenderAt(bad, tz: NewYork);

            Assert.StartsWith("This booking link is no longer valid", page.Find("#link-invalid").TextContent);
            Assert.Equal("alert", page.Find("#link-invalid").GetAttribute("role"));
            Assert.Empty(page.FindAll("#slots"));
            Assert.Empty(page.FindAll("form"));
        }
    }

    [Fact]
    public async Task An_expired_link_shows_that_it_is_no_longer_valid()
    {
        var (_, token) = await fixture.CaseWithBookingLinkAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.NotEmpty(RenderAt(token, tz: NewYork).FindAll("#slots"));

        fixture.Clock.Advance(TimeSpan.FromMinutes(2)); // seven days and a minute after it was mailed

        var page = RenderAt(token, tz: NewYork);

        Assert.StartsWith("This booking link is no longer valid (it may have expired).", page.Find("#link-invalid").TextContent);
        Assert.Empty(page.FindAll("#slots"));
        Assert.Empty(page.FindAll("form"));
    }

    [Fact]
    public async Task Once_the_link_booked_a_call_the_page_shows_it_with_a_cancel_button_and_offers_other_times()
    {
        var (_, token) = await fixture.CaseWithBookingLinkAsync();
        var booked = await Links.BookAsync(token, ThursdayNineCentral);
        Assert.True(booked.Succeeded, booked.Message);

        var page = RenderAt(token, tz: NewYork);

        Assert.Equal("Your call", page.Find("#page-title").TextContent);
        Assert.Equal("Booked for Thursday February 18, 10:00 (America/New_York). The invitation is in your mailbox.", page.Find("#booked-call").TextContent);
        Assert.Equal("Cancel the call", page.Find("#cancel-call").TextContent);
        Assert.Equal("Or pick another time", page.Find("h2.mt-4").TextContent);
        // The call's own slot is offered again (moving it there is no conflict with itself).
        Assert.Equal("10:00", SlotDays(page)[1].Times[0]);

        // Picking another time asks to move the call rather than book a second one.
        var moving = RenderAt(token, tz: NewYork, pick: ThursdayNineCentral.AddHours(2).ToUnixTimeSeconds());
        Assert.Contains("Move the call to Thursday February 18, 12:00 (America/New_York)?", moving.Find("form.confirm").TextContent);
        Assert.Empty(moving.FindAll("#booked-call"));
    }

    [Fact]
    public async Task Confirming_a_pick_books_the_call_and_the_page_then_shows_it()
    {
        var (supportCase, token) = await fixture.CaseWithBookingLinkAsync();
        var pick = ThursdayNineCentral.ToUnixTimeSeconds();
        posted.Post("book", ("Start", pick));
        var page = RenderAt(token, tz: NewYork, pick: pick);

        await page.Find("form.confirm").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(
            "Booked for Thursday February 18, 10:00 (America/New_York). We sent you an invitation.", page.Find("#booking-message").TextContent));
        Assert.Equal("status", page.Find("#booking-message").GetAttribute("role"));
        Assert.Equal("Booked for Thursday February 18, 10:00 (America/New_York). The invitation is in your mailbox.", page.Find("#booked-call").TextContent);
        Assert.Single(page.FindAll("#cancel-call"));
        await using var db = await fixture.Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.CaseId == supportCase.Id);
        Assert.Equal(ThursdayNineCentral.UtcDateTime, call.StartUtc);
        Assert.Equal(CallStatus.Booked, call.Status);
    }

    [Fact]
    public async Task Confirming_a_time_someone_took_meanwhile_says_so_and_shows_the_times_still_free()
    {
        var (_, token) = await fixture.CaseWithBookingLinkAsync();
        var (_, other) = await fixture.CaseWithBookingLinkAsync();
        Assert.True((await Links.BookAsync(other, ThursdayNineCentral)).Succeeded);
        var pick = ThursdayNineCentral.ToUnixTimeSeconds();
        posted.Post("book", ("Start", pick));
        var page = RenderAt(token, tz: NewYork, pick: pick);

        await page.Find("form.confirm").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Someone just took that time. Here are the times still free.", page.Find("#booking-message").TextContent));
        Assert.Equal("alert", page.Find("#booking-message").GetAttribute("role"));
        Assert.Empty(page.FindAll("#booked-call"));
        // The 30-minute call at 09:00 Central and its 10-minute buffer take Thursday's first starts (10:00 to 10:30 New York time).
        Assert.Equal("10:45", SlotDays(page)[1].Times[0]);
    }

    [Fact]
    public async Task Cancelling_from_the_page_cancels_the_call_and_offers_the_slots_again()
    {
        var (supportCase, token) = await fixture.CaseWithBookingLinkAsync();
        Assert.True((await Links.BookAsync(token, ThursdayNineCentral)).Succeeded);
        var page = RenderAt(token, tz: NewYork);

        await page.Find("#cancel-call").ParentElement!.SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("The call is cancelled. You can pick a new time below.", page.Find("#booking-message").TextContent));
        Assert.Empty(page.FindAll("#booked-call"));
        Assert.Empty(page.FindAll("#cancel-call"));
        Assert.Equal("Pick a time for a call", page.Find("#page-title").TextContent);
        Assert.Equal("10:00", SlotDays(page)[1].Times[0]);
        await using var db = await fixture.Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        Assert.Equal(CallStatus.Cancelled, (await db.Calls.AsNoTracking().SingleAsync(c => c.CaseId == supportCase.Id)).Status);

        // Rendered afresh (as the browser's next visit would be), the link still works and books again.
        var again = RenderAt(token, tz: NewYork);
        Assert.Empty(again.FindAll("#booked-call"));
        Assert.NotEmpty(again.FindAll("#slots a.slot"));
    }

    /// <summary>
    /// What the server's form mapping would supply to [SupplyParameterFromForm] parameters from a posted form; nothing
    /// until a test posts one.
    /// </summary>
    private sealed class PostedForm : IFormValueMapper
    {
        private string? formName;
        private Dictionary<string, object?> values = [];

        public void Post(string form, params (string Name, object? Value)[] fields)
        {
            formName = form;
            values = fields.ToDictionary(f => f.Name, f => f.Value);
        }

        public bool CanMap(Type valueType, string scopeName, string? formName) => formName is not null && formName == this.formName;

        public void Map(FormValueMappingContext context)
        {
            if (context.AcceptFormName == formName && values.TryGetValue(context.ParameterName, out var value))
            {
                context.SetResult(value);
            }
        }
    }

    /// <summary>The token the server would put in the forms; these tests post no HTTP request, so nothing checks it.</summary>
    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-request-token", "__RequestVerificationToken");
    }
}
