using Bunit;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Queues;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Queues;

/// <summary>The queue grid alone: rows as the board orders them, and SLA badges at fixed instants.</summary>
public sealed class QueueGridTests : MudTestContext
{
    // Wednesday 2026-11-18 09:00 CST: Tier 1 (07:00-19:00 Central, weekdays) is open.
    private static readonly DateTimeOffset WednesdayNine = new(2026, 11, 18, 15, 0, 0, TimeSpan.Zero);
    private static readonly TierCalendar Calendar = TierCalendar.Default([]);

    private static QueueRow Row(long seq, string subject, DateTimeOffset? atRisk = null, DateTimeOffset? due = null, DateTimeOffset? answered = null,
        CaseQueue queue = CaseQueue.Priority, string? assignee = null) =>
        new(seq, 100_000 + seq, seq, queue, WednesdayNine.AddHours(-2), "Acme Corp", "Bob", "bob@acme.example", subject, CaseSeverity.High,
            CaseStatus.Open, assignee is null ? null : "id-" + assignee, assignee, new FirstResponseDeadline(WednesdayNine.AddHours(-1), atRisk, due), answered);

    private IRenderedComponent<QueueGrid> RenderGrid(IEnumerable<QueueRow> rows, DateTimeOffset now)
    {
        var snapshot = QueueBoard.Build(rows);
        return Render<QueueGrid>(p => p
            .Add(g => g.Queue, CaseQueue.Priority)
            .Add(g => g.Rows, snapshot.Priority)
            .Add(g => g.Total, snapshot.Priority.Count)
            .Add(g => g.Calendar, Calendar)
            .Add(g => g.Now, now));
    }

    [Fact]
    public void Rows_given_out_of_order_are_shown_in_arrival_sequence()
    {
        var grid = RenderGrid([Row(30, "third"), Row(10, "first"), Row(20, "second")], WednesdayNine);

        Assert.Equal(["first", "second", "third"], grid.FindAll(".queue-row .subject").Select(s => s.TextContent));
        Assert.Equal(["SC-100010", "SC-100020", "SC-100030"], grid.FindAll(".queue-row").Select(r => r.GetAttribute("data-number")));
        Assert.Equal("3", grid.Find("#priority-queue-count").TextContent);
    }

    [Fact]
    public void Badges_read_due_in_at_risk_breached_met_and_no_commitment_in_business_time()
    {
        var grid = RenderGrid(
        [
            Row(1, "running", atRisk: WednesdayNine.AddHours(4), due: WednesdayNine.AddHours(6)),
            Row(2, "at risk", atRisk: WednesdayNine.AddHours(-1), due: WednesdayNine.AddHours(2)),
            Row(3, "breached", atRisk: WednesdayNine.AddHours(-3), due: WednesdayNine.AddHours(-1).AddMinutes(-5)),
            Row(4, "met", atRisk: WednesdayNine.AddHours(1), due: WednesdayNine.AddHours(2), answered: WednesdayNine.AddMinutes(-30)),
            Row(5, "none"),
        ], WednesdayNine);

        var badges = grid.FindAll(".queue-row .sla").Select(b => (b.GetAttribute("data-sla"), b.QuerySelector("[aria-hidden=true]")!.TextContent)).ToList();
        Assert.Equal(
        [
            ("running", "due Wed 15:00, in 6h 00m"),
            ("at-risk", "at risk · due Wed 11:00, in 2h 00m"),
            ("breached", "breached 1h 05m ago"),
            ("met", "met"),
            ("none", "no commitment"),
        ], badges);
        Assert.Equal("First response due Wed 2026-11-18 15:00:00 CST; 6h 00m of Tier 1 time left", grid.FindAll(".queue-row .sla")[0].GetAttribute("title"));
        // What the colour says, in words, for screen readers.
        Assert.Equal(
        [
            "first response due Wed 15:00, in 6 hours of Tier 1 time",
            "at risk: first response due Wed 11:00, in 2 hours of Tier 1 time",
            "breached: the first response is 1 hour 5 minutes of Tier 1 time overdue",
            "first response met in time",
            "no first-response commitment",
        ], grid.FindAll(".queue-row .sla .visually-hidden").Select(b => b.TextContent).ToList());
    }

    [Fact]
    public void Case_due_at_a_close_and_looked_at_overnight_says_when_it_was_due_not_zero_minutes_ago()
    {
        var wednesdayClose = new DateTimeOffset(2026, 11, 19, 1, 0, 0, TimeSpan.Zero); // Wed 19:00 CST
        var thursdayNight = new DateTimeOffset(2026, 11, 19, 6, 44, 0, TimeSpan.Zero); // Thu 00:44 CST
        var grid = RenderGrid([Row(1, "late", atRisk: wednesdayClose.AddHours(-4), due: wednesdayClose)], thursdayNight);

        Assert.Equal("breached · was due Wed 19:00", grid.Find(".queue-row .sla [aria-hidden=true]").TextContent);
        Assert.Equal("breached: the first response was due Wed 19:00", grid.Find(".queue-row .sla .visually-hidden").TextContent);
    }

    [Fact]
    public void Outside_the_Tier_1_window_the_countdown_is_paused_until_the_next_opening()
    {
        var tuesdayEvening = new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero); // Tue 20:00 CST
        var grid = RenderGrid([Row(1, "overnight", atRisk: WednesdayNine.AddHours(4), due: WednesdayNine.AddHours(6))], tuesdayEvening);

        var badge = grid.Find(".queue-row .sla");
        Assert.Equal("paused · resumes Wed 07:00", badge.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Equal("paused outside the Tier 1 window: 8 hours of Tier 1 time left, resumes Wed 07:00", badge.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Contains("8h 00m of Tier 1 time left", badge.GetAttribute("title"));
    }

    [Fact]
    public void A_row_says_how_long_the_case_waited_in_Tier_1_time_and_why_it_is_in_its_queue_on_hover()
    {
        var row = Row(1, "routed") with { RoutingReason = "matched domain acme.example on Acme Corp's list (Pro Plus until 2027-06-01)" };
        var grid = RenderGrid([row], WednesdayNine);

        Assert.Equal("Acme Corp; priority queue: matched domain acme.example on Acme Corp's list (Pro Plus until 2027-06-01)",
            grid.Find("#row-100001 .customer").GetAttribute("title"));
        Assert.Equal("waited 2h 00m of Tier 1 time", grid.Find("#row-100001 .age").TextContent);
        Assert.StartsWith("arrived ", grid.Find("#row-100001 .arrival").TextContent);
    }

    [Fact]
    public void Assignee_shows_by_name_and_unassigned_rows_offer_claim()
    {
        var grid = RenderGrid([Row(1, "mine", assignee: "Tina Tier1"), Row(2, "free")], WednesdayNine);

        Assert.Equal("Tina Tier1", grid.Find("#row-100001 .assignee").TextContent);
        Assert.Empty(grid.FindAll("#row-100001 .claim-button"));
        Assert.Single(grid.FindAll("#row-100002 .claim-button"));
    }
}
