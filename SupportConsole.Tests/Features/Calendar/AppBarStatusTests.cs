using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using SupportConsole.Components.Layout;
using SupportConsole.Domain.Calendar;
using SupportConsole.Features.Calendar;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Calendar;

public sealed class AppBarStatusTests : MudTestContext, IClassFixture<SeededCalendarFixture>
{
    private readonly SeededCalendarFixture fixture;

    public AppBarStatusTests(SeededCalendarFixture fixture)
    {
        this.fixture = fixture;
        Services.AddSingleton(fixture.Calendar);
    }

    private IRenderedComponent<AppBarStatus> RenderAt(FakeTimeProvider clock)
    {
        Services.AddSingleton<TimeProvider>(clock);
        Render<MudPopoverProvider>();
        return Render<AppBarStatus>();
    }

    private static string Long(IRenderedComponent<AppBarStatus> bar, string id) => bar.Find($"#{id} .status-long").TextContent;

    [Fact]
    public void On_Thanksgiving_morning_both_tiers_are_closed_until_Friday()
    {
        var bar = RenderAt(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero)));

        Assert.Equal("Tier 1 line closed · opens Fri 07:00 CST", Long(bar, "tier1-status"));
        Assert.Equal("Tier 2-3 closed · opens Fri 09:00 CST", Long(bar, "tier23-status"));
        Assert.Equal("T1 closed", bar.Find("#tier1-status .status-short").TextContent);
        Assert.Equal("false", bar.Find("#tier1-status").GetAttribute("data-open"));
    }

    [Fact]
    public void On_a_Wednesday_morning_both_tiers_are_open_with_their_closing_times()
    {
        var bar = RenderAt(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero)));

        Assert.Equal("Tier 1 line open · closes 19:00 CST", Long(bar, "tier1-status"));
        Assert.Equal("Tier 2-3 open · closes 17:00 CST", Long(bar, "tier23-status"));
        Assert.Equal("T2-3 open", bar.Find("#tier23-status .status-short").TextContent);
    }

    [Fact]
    public void Chips_change_when_the_clock_passes_each_tiers_close()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero));
        var bar = RenderAt(clock);

        clock.Advance(TimeSpan.FromHours(7) + TimeSpan.FromSeconds(1)); // 17:00:01 CST
        bar.WaitForAssertion(() => Assert.Equal("Tier 2-3 closed · opens Fri 09:00 CST", Long(bar, "tier23-status")));
        Assert.Equal("Tier 1 line open · closes 19:00 CST", Long(bar, "tier1-status"));

        clock.Advance(TimeSpan.FromHours(2)); // 19:00:01 CST
        bar.WaitForAssertion(() => Assert.Equal("Tier 1 line closed · opens Fri 07:00 CST", Long(bar, "tier1-status")));
    }

    [Fact]
    public void Chip_turns_at_the_exact_closing_second()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 22, 59, 50, TimeSpan.Zero)); // 16:59:50 CST
        var bar = RenderAt(clock);

        clock.Advance(TimeSpan.FromSeconds(10)); // 17:00:00 CST: half-open window, closed
        bar.WaitForAssertion(() => Assert.Equal("T2-3 closed", bar.Find("#tier23-status .status-short").TextContent));
    }

    [Fact]
    public async Task Disposed_indicator_no_longer_refreshes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero));
        var bar = RenderAt(clock);
        var renders = bar.RenderCount;

        await DisposeComponentsAsync();
        clock.Advance(TimeSpan.FromHours(4)); // would fire the 30-second refresh and both closes

        Assert.Equal(renders, bar.RenderCount);
    }

    [Fact]
    public void Tooltip_gives_the_full_instant_and_names_todays_holiday()
    {
        var status = TierStatus.At(fixture.Calendar.Current, SupportTier.Tier1, new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));

        Assert.False(status.Open);
        Assert.Contains("Fri 2026-11-27 07:00:00 CST", status.Tooltip);
        Assert.Contains("Thanksgiving Day", status.Tooltip);
    }

    [Fact]
    public void Opening_more_than_a_week_away_shows_its_date()
    {
        var calendar = TierCalendar.Default([new Holiday(new DateOnly(2026, 12, 28), "Closure"), new Holiday(new DateOnly(2026, 12, 29), "Closure 2"),
            new Holiday(new DateOnly(2026, 12, 30), "Closure 3"), new Holiday(new DateOnly(2026, 12, 31), "Closure 4"), new Holiday(new DateOnly(2027, 1, 1), "New Year's Day")]);

        var status = TierStatus.At(calendar, SupportTier.Tier1, new DateTimeOffset(2026, 12, 26, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal("Tier 1 line closed · opens Mon 01-04 07:00 CST", status.Label);
    }
}
