using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using SupportConsole.Features.Calls;
using IcsCalendar = Ical.Net.Calendar;

namespace SupportConsole.Tests.Features.Calls;

/// <summary>
/// The invitation text is checked by reading it back with Ical.Net (what a calendar sees) and, for what a parser would
/// smooth over (folding, CRLF, escaping, the exact DTSTART line), by looking at the raw lines.
/// </summary>
public sealed class CallInvitationTests
{
    private const string Uid = "call-42@supportconsole.local";

    private static readonly DateTimeOffset Stamp = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private static CallInvitationRequest Request(
        DateTimeOffset? start = null,
        TimeSpan? length = null,
        int sequence = 0,
        string description = "Case 42: the export fails.",
        string organizerName = "Tess Tier Two",
        IReadOnlyList<(string Email, string Name)>? attendees = null)
    {
        var from = start ?? new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
        return new CallInvitationRequest(
            Uid,
            sequence,
            from,
            from + (length ?? TimeSpan.FromMinutes(30)),
            "Call about case 42",
            description,
            "tess@supportconsole.local",
            organizerName,
            attendees ?? [("ann@acme.example", "Ann Smith"), ("bob@acme.example", "Bob Jones")],
            Stamp,
            "Phone: +1 312 555 0100");
    }

    private static IcsCalendar Parse(string text) => IcsCalendar.Load(text) ?? throw new InvalidOperationException("Did not parse.");

    private static CalendarEvent Event(string text) => Assert.Single(Parse(text).Events);

    /// <summary>The logical lines (continuation lines joined back on), for asserting on exact property text.</summary>
    private static string[] Unfolded(string text) => text.Replace("\r\n ", "", StringComparison.Ordinal)
        .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The VEVENT's own property line of that name (not a VTIMEZONE's or VALARM's line of the same name).</summary>
    private static string Line(string text, string name)
    {
        var lines = Unfolded(text);
        var own = new List<string>();
        var depth = 0;
        foreach (var line in lines.SkipWhile(l => l != "BEGIN:VEVENT").Skip(1).TakeWhile(l => l != "END:VEVENT"))
        {
            depth += line.StartsWith("BEGIN:", StringComparison.Ordinal) ? 1 : line.StartsWith("END:", StringComparison.Ordinal) ? -1 : 0;
            if (depth == 0 && !line.StartsWith("END:", StringComparison.Ordinal))
            {
                own.Add(line);
            }
        }
        return Assert.Single(own, l => l.StartsWith(name + ":", StringComparison.Ordinal) || l.StartsWith(name + ";", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_says_REQUEST_and_carries_the_calls_identity_and_details()
    {
        var text = CallInvitation.Build(Request(sequence: 2), CalendarMethod.Request);
        var calendar = Parse(text);
        var call = Assert.Single(calendar.Events);

        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("-//SupportConsole//Calls//EN", calendar.ProductId);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal(Uid, call.Uid);
        Assert.Equal(2, call.Sequence);
        Assert.Equal("CONFIRMED", call.Status);
        Assert.Equal("Call about case 42", call.Summary);
        Assert.Equal("Case 42: the export fails.", call.Description);
        Assert.Equal("Phone: +1 312 555 0100", call.Location);
        Assert.Equal("DTSTAMP:20261001T120000Z", Line(text, "DTSTAMP"));
        Assert.Equal("METHOD:REQUEST", Assert.Single(Unfolded(text), l => l.StartsWith("METHOD", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("2026-03-06T15:00:00Z", "20260306T090000")] // Friday before spring forward: CST (-6)
    [InlineData("2026-03-09T15:00:00Z", "20260309T100000")] // Monday after spring forward: CDT (-5)
    [InlineData("2026-10-30T15:00:00Z", "20261030T100000")] // Friday before fall back: CDT (-5)
    [InlineData("2026-11-02T15:00:00Z", "20261102T090000")] // Monday after fall back: CST (-6)
    public void Times_are_Central_wall_clock_and_read_back_as_the_same_instants_across_daylight_saving(string startUtc, string localStart)
    {
        var start = DateTimeOffset.Parse(startUtc, CultureInfo.InvariantCulture);
        var text = CallInvitation.Build(Request(start, TimeSpan.FromMinutes(45)), CalendarMethod.Request);
        var call = Event(text);

        Assert.Equal("DTSTART;TZID=America/Chicago:" + localStart, Line(text, "DTSTART"));
        Assert.Equal("America/Chicago", call.DtStart!.TzId);
        Assert.Equal(start.UtcDateTime, call.DtStart.AsUtc);
        Assert.Equal(start.AddMinutes(45).UtcDateTime, call.DtEnd!.AsUtc);
    }

    [Fact]
    public void A_time_in_the_repeated_November_hour_is_written_in_UTC_so_it_reads_back_as_the_right_instant()
    {
        // 07:30Z is 01:30 CST, the second 01:30 of 2026-11-01; as wall-clock time a reader would take 01:30 CDT (06:30Z).
        var start = new DateTimeOffset(2026, 11, 1, 7, 30, 0, TimeSpan.Zero);
        var text = CallInvitation.Build(Request(start, TimeSpan.FromMinutes(45)), CalendarMethod.Request);
        var call = Event(text);

        Assert.Equal("DTSTART:20261101T073000Z", Line(text, "DTSTART"));
        Assert.Equal("DTEND;TZID=America/Chicago:20261101T021500", Line(text, "DTEND"));
        Assert.Equal(start.UtcDateTime, call.DtStart!.AsUtc);
        Assert.Equal(start.AddMinutes(45).UtcDateTime, call.DtEnd!.AsUtc);
    }

    [Fact]
    public void The_VTIMEZONE_defines_Central_time_with_the_US_daylight_saving_rules_before_the_event()
    {
        var text = CallInvitation.Build(Request(), CalendarMethod.Request);
        var zone = Assert.Single(Parse(text).TimeZones);
        var lines = Unfolded(text);
        var begin = Array.IndexOf(lines, "BEGIN:VTIMEZONE");
        var end = Array.IndexOf(lines, "END:VTIMEZONE");
        var block = lines[begin..end];

        Assert.Equal("America/Chicago", zone.TzId);
        Assert.True(begin >= 0 && end < Array.IndexOf(lines, "BEGIN:VEVENT"));
        var standard = block.SkipWhile(l => l != "BEGIN:STANDARD").TakeWhile(l => l != "END:STANDARD").ToList();
        var daylight = block.SkipWhile(l => l != "BEGIN:DAYLIGHT").TakeWhile(l => l != "END:DAYLIGHT").ToList();
        Assert.Contains("TZOFFSETFROM:-0500", standard);
        Assert.Contains("TZOFFSETTO:-0600", standard);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", standard);
        Assert.Contains("TZOFFSETFROM:-0600", daylight);
        Assert.Contains("TZOFFSETTO:-0500", daylight);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", daylight);
    }

    [Fact]
    public void The_same_request_gives_the_same_text_for_a_call_years_ahead()
    {
        // Ical.Net's default VTIMEZONE depends on today's date and throws for dates more than a year ahead.
        var request = Request(new DateTimeOffset(2031, 7, 15, 14, 0, 0, TimeSpan.Zero));

        var text = CallInvitation.Build(request, CalendarMethod.Request);

        Assert.Equal(text, CallInvitation.Build(request, CalendarMethod.Request));
        Assert.Equal("DTSTART;TZID=America/Chicago:20310715T090000", Line(text, "DTSTART"));
        Assert.Equal(request.Start.UtcDateTime, Event(text).DtStart!.AsUtc);
    }

    [Fact]
    public void Organizer_and_each_attendee_are_mailto_addresses_asked_to_reply()
    {
        var text = CallInvitation.Build(Request(), CalendarMethod.Request);
        var call = Event(text);

        Assert.Equal("mailto:tess@supportconsole.local", call.Organizer!.Value!.OriginalString);
        Assert.Equal("Tess Tier Two", call.Organizer.CommonName);
        Assert.Equal(["mailto:ann@acme.example", "mailto:bob@acme.example"], call.Attendees.Select(a => a.Value!.OriginalString));
        Assert.Equal(["Ann Smith", "Bob Jones"], call.Attendees.Select(a => a.CommonName));
        Assert.All(call.Attendees, a =>
        {
            Assert.Equal("REQ-PARTICIPANT", a.Role);
            Assert.Equal("NEEDS-ACTION", a.ParticipationStatus);
            Assert.True(a.Rsvp);
        });
        Assert.Equal(
            "ATTENDEE;CN=Ann Smith;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ann@acme.example",
            Unfolded(text).First(l => l.StartsWith("ATTENDEE", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_same_address_twice_is_one_attendee()
    {
        var text = CallInvitation.Build(Request(attendees: [("ann@acme.example", "Ann"), ("ANN@acme.example", "Ann again")]), CalendarMethod.Request);

        Assert.Equal("mailto:ann@acme.example", Assert.Single(Event(text).Attendees).Value!.OriginalString);
    }

    [Fact]
    public void A_request_reminds_15_minutes_before()
    {
        var alarm = Assert.Single(Event(CallInvitation.Build(Request(), CalendarMethod.Request)).Alarms);

        Assert.Equal("DISPLAY", alarm.Action);
        Assert.Equal(TimeSpan.FromMinutes(-15), alarm.Trigger!.Duration!.Value.ToTimeSpanUnspecified());
        Assert.False(string.IsNullOrEmpty(alarm.Description));
    }

    [Fact]
    public void A_cancel_says_CANCEL_for_the_same_UID_at_a_higher_sequence_without_a_reminder()
    {
        var booked = CallInvitation.Build(Request(sequence: 1), CalendarMethod.Request);
        var cancelled = CallInvitation.Build(Request(sequence: 2), CalendarMethod.Cancel);
        var calendar = Parse(cancelled);
        var call = Assert.Single(calendar.Events);

        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("METHOD:CANCEL", Assert.Single(Unfolded(cancelled), l => l.StartsWith("METHOD", StringComparison.Ordinal)));
        Assert.Equal(Event(booked).Uid, call.Uid);
        Assert.True(call.Sequence > Event(booked).Sequence);
        Assert.Equal("CANCELLED", call.Status);
        Assert.Empty(call.Alarms);
        Assert.Equal(2, call.Attendees.Count);
        Assert.Equal("mailto:tess@supportconsole.local", call.Organizer!.Value!.OriginalString);
    }

    [Fact]
    public void Lines_are_folded_at_75_octets_and_all_end_in_CRLF()
    {
        // Multi-byte text: the fold must count octets and never split a UTF-8 sequence.
        var description = string.Concat(Enumerable.Repeat("Überprüfung des Exports — 日本語 😀; ", 12));
        var text = CallInvitation.Build(Request(description: description), CalendarMethod.Request);

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.All(lines, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.Contains(lines, l => l.StartsWith(' '));
        Assert.Equal(description, Event(text).Description);
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_line_breaks_are_escaped_and_read_back()
    {
        const string description = "Agenda: logs, config; repro\nthen C:\\temp\\export.csv\n\nDial in, please.";
        var text = CallInvitation.Build(Request(description: description), CalendarMethod.Request);

        Assert.Equal(
            @"DESCRIPTION:Agenda: logs\, config\; repro\nthen C:\\temp\\export.csv\n\nDial in\, please.",
            Line(text, "DESCRIPTION"));
        Assert.Equal(description, Event(text).Description);
    }

    [Fact]
    public void A_name_with_line_breaks_or_quotes_cannot_break_the_file()
    {
        var text = CallInvitation.Build(
            Request(organizerName: "Tess\r\nX-INJECTED:1", attendees: [("ann@acme.example", "Ann \"The Boss\", Smith; Jr.")]),
            CalendarMethod.Request);
        var call = Event(text);

        Assert.DoesNotContain(Unfolded(text), l => l.StartsWith("X-INJECTED", StringComparison.Ordinal));
        Assert.Equal("Tess X-INJECTED:1", call.Organizer!.CommonName);
        Assert.Equal("Ann 'The Boss', Smith; Jr.", Assert.Single(call.Attendees).CommonName);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Ann Smith <ann@acme.example>")]
    [InlineData("ann@acme.example\r\nX-INJECTED:1")]
    [InlineData("")]
    public void An_address_that_is_not_one_email_is_refused(string email)
    {
        Assert.Throws<ArgumentException>(() => CallInvitation.Build(Request(attendees: [(email, "Ann")]), CalendarMethod.Request));
    }

    [Fact]
    public void A_call_that_does_not_end_after_it_starts_or_has_no_attendees_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CallInvitation.Build(Request(length: TimeSpan.Zero), CalendarMethod.Request));
        Assert.Throws<ArgumentException>(() => CallInvitation.Build(Request(attendees: []), CalendarMethod.Request));
        Assert.Throws<ArgumentException>(() => CallInvitation.Build(Request(sequence: -1), CalendarMethod.Cancel));
    }

    [Fact]
    public void Method_names_are_the_iTIP_names()
    {
        Assert.Equal("REQUEST", CallInvitation.MethodName(CalendarMethod.Request));
        Assert.Equal("CANCEL", CallInvitation.MethodName(CalendarMethod.Cancel));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallInvitation.MethodName((CalendarMethod)7));
    }
}
