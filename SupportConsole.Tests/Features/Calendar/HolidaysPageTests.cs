using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Calendar.Pages;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Calendar;

public sealed class HolidaysPageTests : MudTestContext, IClassFixture<SeededCalendarFixture>
{
    private readonly SeededCalendarFixture fixture;

    public HolidaysPageTests(SeededCalendarFixture fixture)
    {
        this.fixture = fixture;
        Services.AddSingleton(fixture.Calendar);
        Services.AddSingleton(fixture.App.Services.GetRequiredService<HolidayBook>());
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero)));
        AddAuthorization().SetAuthorized("manager@supportconsole.local").SetRoles(Roles.Manager);
    }

    private IRenderedComponent<HolidaysPage> RenderPage()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<HolidaysPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#holidays-table tbody tr")));
        return page;
    }

    [Fact]
    public void Current_central_year_is_shown_with_federal_holidays_marked_in_the_grid_and_the_list()
    {
        var page = RenderPage();

        Assert.Equal("2026", page.Find("#year-label").TextContent);
        var thanksgiving = page.Find("#year-grid td[data-date='2026-11-26']");
        Assert.Contains("holiday", thanksgiving.ClassList);
        Assert.Equal("Thu 2026-11-26: Thanksgiving Day (US federal, observed)", thanksgiving.GetAttribute("title"));
        Assert.Contains("weekend", page.Find("#year-grid td[data-date='2026-11-28']").ClassList);
        Assert.Contains("Thu 2026-11-26", page.Find("#holidays-table").TextContent);
        Assert.Contains("US federal (observed)", page.Find("#holidays-table").TextContent);
        Assert.Contains("observed on the Friday before", page.Find("#holiday-note").TextContent);
    }

    [Fact]
    public void Year_buttons_move_between_years()
    {
        var page = RenderPage();

        page.Find("#year-next").Click();
        page.WaitForAssertion(() => Assert.Equal("2027", page.Find("#year-label").TextContent));
        page.WaitForAssertion(() => Assert.Contains("holiday", page.Find("#year-grid td[data-date='2027-11-25']").ClassList));
    }

    [Fact]
    public void Form_validates_name_and_date_next_to_the_fields()
    {
        var page = RenderPage();

        page.Find("#holiday-date").Change("1999-12-31");
        page.Find("#save-holiday").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("between 2000-01-01 and 2100-12-31", page.Markup);
            Assert.Contains("Give the holiday a name", page.Markup);
        });
    }

    [Fact]
    public void Adding_renaming_and_removing_a_holiday_updates_the_calendar()
    {
        var page = RenderPage();
        var friday = new DateOnly(2026, 12, 24);

        page.Find("#holiday-date").Change("2026-12-24");
        page.Find("#holiday-name").Change("Christmas Eve");
        page.Find("#save-holiday").Click();
        page.WaitForAssertion(() => Assert.Contains("holiday", page.Find("#year-grid td[data-date='2026-12-24']").ClassList));
        Assert.Equal("Christmas Eve", fixture.Calendar.Current.HolidayOn(friday)?.Name);

        // Saving the same date again asks before renaming.
        page.Find("#holiday-date").Change("2026-12-24");
        page.Find("#holiday-name").Change("Desk closed");
        page.Find("#save-holiday").Click();
        page.WaitForAssertion(() => Assert.Contains("is already a holiday", page.Find("#rename-prompt").TextContent));
        Assert.Equal("Christmas Eve", fixture.Calendar.Current.HolidayOn(friday)?.Name);
        page.Find("#save-holiday").Click();
        page.WaitForAssertion(() => Assert.Equal("Desk closed", fixture.Calendar.Current.HolidayOn(friday)?.Name));

        // Remove asks for confirmation first.
        page.WaitForAssertion(() => page.Find("#remove-2026-12-24").Click());
        Assert.NotNull(fixture.Calendar.Current.HolidayOn(friday));
        // The question sits under the holiday's name, where it can wrap; the buttons stack in the narrow action cell.
        page.WaitForAssertion(() => Assert.Equal("Remove “Desk closed”? Open cases' deadlines move with it.", page.Find("#remove-question-2026-12-24").TextContent));
        page.Find("#confirm-remove-2026-12-24").Click();
        page.WaitForAssertion(() => Assert.Null(fixture.Calendar.Current.HolidayOn(friday)));
        page.WaitForAssertion(() => Assert.DoesNotContain("holiday", page.Find("#year-grid td[data-date='2026-12-24']").ClassList));
    }
}
