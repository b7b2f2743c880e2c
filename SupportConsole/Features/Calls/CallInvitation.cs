using System.Net.Mail;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using SupportConsole.Domain.Calendar;
using IcsCalendar = Ical.Net.Calendar;
using IcsDuration = Ical.Net.DataTypes.Duration;

namespace SupportConsole.Features.Calls;

/// <summary>
/// Builds the iCalendar (RFC 5545) text of a call invitation or cancellation (RFC 5546 iTIP), with Ical.Net doing the
/// escaping, line folding and CRLF endings that calendar clients are strict about.
/// </summary>
/// <remarks>
/// <para>DTSTART/DTEND are written as Central wall-clock times (<c>TZID=America/Chicago</c>) with a VTIMEZONE that
/// defines the zone: Outlook takes the offsets from the VTIMEZONE, Google and Apple recognise the IANA id, and all of
/// them then show the call at its Central time and keep it there across daylight-saving changes.</para>
/// <para>The one exception is a time in the repeated hour when daylight saving ends (01:00–02:00 on the first Sunday
/// in November): that wall-clock time names two instants and RFC 5545 says readers take the first, so such a time is
/// written in UTC instead, which names exactly one.</para>
/// <para>Times are taken at one-second precision (iCalendar has no fractions of a second).</para>
/// </remarks>
public static class CallInvitation
{
    /// <summary>Identifies this app as the producer, so a misbehaving invitation can be traced back to it.</summary>
    public const string ProductId = "-//SupportConsole//Calls//EN";

    /// <summary>How long before the call the attendee's calendar reminds them.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromMinutes(15);

    // The VTIMEZONE describes the US rules in force since 2007 (observances anchored in 2007). A fixed date keeps the
    // text the same whenever it is built; Ical.Net's default derives the anchor from today's date and throws for a
    // date more than a year ahead.
    private static readonly DateTime ZoneRulesFrom = new(2007, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>
    /// The iCalendar text of one invitation: METHOD REQUEST (or CANCEL), a VTIMEZONE for America/Chicago and one
    /// VEVENT with the call's UID, SEQUENCE, DTSTAMP, times, SUMMARY, DESCRIPTION, LOCATION (if any), ORGANIZER and one
    /// ATTENDEE per person asked to reply, STATUS CONFIRMED (CANCELLED), and for a request a reminder 15 minutes before.
    /// </summary>
    /// <exception cref="ArgumentException">The request cannot make a valid invitation: a blank UID, a negative
    /// SEQUENCE, an end not after the start, no attendees, or an address that is not one email address.</exception>
    public static string Build(CallInvitationRequest request, CalendarMethod method)
    {
        ArgumentNullException.ThrowIfNull(request);
        var methodName = MethodName(method);
        Validate(request);

        var zone = TierCalendar.CentralZone;
        var calendar = new IcsCalendar { ProductId = ProductId, Method = methodName };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, ZoneRulesFrom, includeHistoricalData: false));

        var call = new CalendarEvent
        {
            Uid = request.Uid,
            Sequence = request.Sequence,
            DtStamp = new CalDateTime(WholeSeconds(request.Stamp), CalDateTime.UtcTzId),
            DtStart = WallClock(request.Start, zone),
            DtEnd = WallClock(request.End, zone),
            Summary = request.Summary,
            Description = request.Description,
            Status = method == CalendarMethod.Cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer(MailTo(request.OrganizerEmail, nameof(request.OrganizerEmail)).OriginalString)
            {
                CommonName = ParameterText(request.OrganizerName),
            },
        };
        if (!string.IsNullOrWhiteSpace(request.Location))
        {
            call.Location = request.Location;
        }

        // One ATTENDEE per person: the same address twice would ask one person to reply twice.
        var attendees = request.Attendees
            .Select(a => (Address: MailTo(a.Email, nameof(request.Attendees)), a.Name))
            .DistinctBy(a => a.Address.OriginalString, StringComparer.OrdinalIgnoreCase);
        foreach (var (address, name) in attendees)
        {
            call.Attendees.Add(new Attendee(address)
            {
                CommonName = ParameterText(name),
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = EventParticipationStatus.NeedsAction,
                Rsvp = true,
            });
        }

        // A cancelled call needs no reminder; a DISPLAY alarm must carry a DESCRIPTION (RFC 5545 3.6.6).
        if (method == CalendarMethod.Request)
        {
            call.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = string.IsNullOrWhiteSpace(request.Summary) ? "Call reminder" : request.Summary,
                Trigger = new Trigger(IcsDuration.FromMinutes(-(int)ReminderLead.TotalMinutes)),
            });
        }

        calendar.Events.Add(call);
        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net produced no text for the invitation.");
    }

    /// <summary>The iTIP method name, as written on the METHOD line and in a text/calendar part's <c>method</c> parameter
    /// (Outlook and Gmail only treat the mail as an invitation when both say the same).</summary>
    public static string MethodName(CalendarMethod method) => method switch
    {
        CalendarMethod.Request => CalendarMethods.Request,
        CalendarMethod.Cancel => CalendarMethods.Cancel,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not an iTIP method this app sends."),
    };

    private static void Validate(CallInvitationRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Uid))
        {
            throw new ArgumentException("An invitation needs a UID: calendars match updates to the event by it.", nameof(request));
        }
        if (request.Sequence < 0)
        {
            throw new ArgumentException("SEQUENCE cannot be negative.", nameof(request));
        }
        if (WholeSeconds(request.End) <= WholeSeconds(request.Start))
        {
            throw new ArgumentException("The call must end after it starts.", nameof(request));
        }
        if (request.Attendees is null || request.Attendees.Count == 0)
        {
            throw new ArgumentException("An invitation needs at least one attendee.", nameof(request));
        }
    }

    /// <summary>
    /// The instant as Central wall-clock time, or as UTC when that wall-clock time happens twice (the repeated hour
    /// in November), since a reader would take the first of the two.
    /// </summary>
    private static CalDateTime WallClock(DateTimeOffset instant, DateTimeZone zone)
    {
        var utc = WholeSeconds(instant);
        var local = Instant.FromDateTimeUtc(utc).InZone(zone).LocalDateTime;
        return zone.MapLocal(local).Count == 1
            ? new CalDateTime(local.ToDateTimeUnspecified(), zone.Id)
            : new CalDateTime(utc, CalDateTime.UtcTzId);
    }

    private static DateTime WholeSeconds(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    /// <summary>
    /// A <c>mailto:</c> URI for one plain address. Rejects anything else (a display name, two addresses, whitespace or
    /// control characters), which would otherwise become a garbled or misleading ORGANIZER/ATTENDEE.
    /// </summary>
    private static Uri MailTo(string? email, string paramName)
    {
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address)
            || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || !MailAddress.TryCreate(address, out var parsed)
            || !string.Equals(parsed.Address, address, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{email}' is not a single email address.", paramName);
        }
        return new Uri("mailto:" + address);
    }

    /// <summary>
    /// A name made safe for a CN parameter: Ical.Net quotes parameter values but passes line breaks through (which
    /// would break the file) and drops double quotes (which parameters cannot hold), so line breaks and other control
    /// characters become spaces and double quotes become single ones. A blank name leaves CN out.
    /// </summary>
    private static string? ParameterText(string? name)
    {
        if (name is null)
        {
            return null;
        }
        var cleaned = new string([.. name.Select(c => char.IsControl(c) ? ' ' : c == '"' ? '\'' : c)]);
        var collapsed = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }
}
