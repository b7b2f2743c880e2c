using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Domain.Plans;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Calendar.Pages;
using SupportConsole.Hosting;
using SupportConsole.Hosting.Api;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Calendar;

public sealed class SlaCalculatorPageTests : MudTestContext, IClassFixture<SeededCalendarFixture>
{
    private readonly SeededCalendarFixture fixture;

    public SlaCalculatorPageTests(SeededCalendarFixture fixture)
    {
        this.fixture = fixture;
        Services.AddSingleton(fixture.Calendar);
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero)));
        AddAuthorization().SetAuthorized("manager@supportconsole.local").SetRoles(Roles.Manager);
    }

    private IRenderedComponent<SlaCalculatorPage> RenderAt(string date, string time, string plan)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/admin/sla-calculator?date={date}&time={time}&plan={plan}");
        return Render<SlaCalculatorPage>();
    }

    [Fact]
    public void Pro_plus_case_the_day_before_Thanksgiving_is_due_Monday_with_a_Thanksgiving_pause()
    {
        var page = RenderAt("2026-11-25", "14:00:00", "pro-plus");

        Assert.Equal("Wed 2026-11-25 14:00:00 CST", page.Find("#clock-start-central").TextContent);
        Assert.Equal("Mon 2026-11-30 10:00:00 CST", page.Find("#at-risk-central").TextContent);
        Assert.Equal("Mon 2026-11-30 14:00:00 CST", page.Find("#due-central").TextContent);
        Assert.Equal("2026-11-30T20:00:00Z", page.Find("#due-utc").TextContent);
        Assert.Contains("open at arrival", page.Find("#tier1-at-arrival").TextContent);
        Assert.Contains("24h 00m 00s", page.Find("#counted-time").TextContent);
        var pauses = page.FindAll("#sla-strip .sla-seg.paused").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(["Holiday: Thanksgiving Day", "Weekend"], pauses);
        Assert.Equal(3, page.FindAll("#sla-strip .sla-seg.counted").Count);
        Assert.Equal(5, page.FindAll("#segments-table tbody tr").Count);
    }

    [Fact]
    public void Instants_are_also_shown_in_the_viewers_own_time_zone()
    {
        JSInterop.Setup<string?>("supportConsole.timeZone").SetResult("America/New_York");

        var page = RenderAt("2026-11-25", "14:00:00", "pro-plus");

        page.WaitForAssertion(() => Assert.Equal("Mon 2026-11-30 15:00:00 EST", page.Find("#due-local").TextContent));
        Assert.Contains("America/New_York", page.Markup);
    }

    [Fact]
    public void Free_support_case_says_there_is_no_commitment()
    {
        var page = RenderAt("2026-11-28", "10:00:00", "free");

        Assert.Equal(SlaCalculation.NoCommitmentMessage, page.Find("#no-commitment").TextContent);
        Assert.Equal("Mon 2026-11-30 07:00:00 CST", page.Find("#clock-start-central").TextContent);
        Assert.Empty(page.FindAll("#due-central"));
        Assert.Empty(page.FindAll("#sla-strip"));
    }

    [Fact]
    public void Changing_the_date_recalculates_and_a_date_outside_the_calendar_says_so()
    {
        var page = RenderAt("2026-11-25", "14:00:00", "pro-plus");

        page.Find("#arrival-date").Change("2026-12-24");
        page.Find("#arrival-time").Change("20:00:00");
        Assert.Equal("Tue 2026-12-29 19:00:00 CST", page.Find("#due-central").TextContent);
        Assert.Contains("closed at arrival", page.Find("#tier1-at-arrival").TextContent);

        page.Find("#arrival-date").Change("2101-01-01");
        Assert.Contains("between 2000-01-01 and 2100-12-31", page.Markup);
        Assert.Empty(page.FindAll("#sla-result"));
    }

    [Fact]
    public void A_wall_time_in_the_spring_forward_gap_is_explained()
    {
        var page = RenderAt("2029-03-11", "02:30:00", "pro-plus");

        Assert.Contains("does not exist in Central time", page.Find("#dst-note").TextContent);
        Assert.Equal("Sun 2029-03-11 03:30:00 CDT", page.Find("#arrival-central").TextContent);
    }

    [Theory]
    [InlineData(2029, 3, 11, 2, 30, 0, "2029-03-11T08:30:00Z", "does not exist")]
    [InlineData(2029, 11, 4, 1, 30, 0, "2029-11-04T06:30:00Z", "happens twice")]
    [InlineData(2026, 11, 25, 14, 0, 0, "2026-11-25T20:00:00Z", null)]
    public void Central_wall_times_map_leniently_to_instants(int y, int mo, int d, int h, int mi, int s, string expected, string? note)
    {
        var arrival = CentralArrival.Resolve(new DateOnly(y, mo, d), new TimeOnly(h, mi, s))!;

        Assert.Equal(expected, ApiFormat.Instant(arrival.Instant));
        if (note is null)
        {
            Assert.Null(arrival.Note);
        }
        else
        {
            Assert.Contains(note, arrival.Note);
        }
    }

    [Fact]
    public void Calculation_outside_the_calendar_is_an_error_not_an_exception()
    {
        var calendar = fixture.Calendar;

        var (early, earlyError) = SlaCalculation.Compute(calendar.Current, calendar.Policies, new DateOnly(1999, 12, 31), new TimeOnly(12, 0), SupportPlan.ProPlus);
        var (late, lateError) = SlaCalculation.Compute(calendar.Current, calendar.Policies, new DateOnly(2100, 12, 31), new TimeOnly(12, 0), SupportPlan.ProPlus);

        Assert.Null(early);
        Assert.Equal(SlaCalculation.OutOfRangeMessage, earlyError);
        Assert.Null(late);
        Assert.Contains("after 2100-12-31", lateError);
    }
}
