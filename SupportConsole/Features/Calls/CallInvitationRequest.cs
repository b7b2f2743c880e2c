namespace SupportConsole.Features.Calls;

/// <summary>
/// Everything one invitation says, so <see cref="CallInvitation.Build"/> is a pure function of it: the same request
/// gives byte-for-byte the same text, whenever and wherever it is built.
/// </summary>
/// <param name="Uid">Stable for the call's whole life: calendars match a reschedule or a cancel to the event by it.</param>
/// <param name="Sequence">Rises on each reschedule (and on the cancel); calendars ignore an update whose SEQUENCE is
/// not above the one they hold, so a late-arriving old invitation cannot undo a newer one.</param>
/// <param name="Start">The call's start as an instant (any offset; written in Central time).</param>
/// <param name="End">The call's end as an instant; after <paramref name="Start"/>.</param>
/// <param name="Summary">The event title.</param>
/// <param name="Description">The event body; commas, semicolons and line breaks are escaped by the serializer.</param>
/// <param name="OrganizerEmail">The engineer who runs the call; replies go to this address.</param>
/// <param name="OrganizerName">Shown as the organizer's name (CN).</param>
/// <param name="Attendees">The people invited; at least one (RFC 5546 requires an ATTENDEE in REQUEST and CANCEL).</param>
/// <param name="Stamp">When this version of the invitation was made (DTSTAMP): passed in, not read from a clock, so the
/// text is reproducible.</param>
/// <param name="Location">Where the call happens (a phone number or meeting link), if anywhere.</param>
public sealed record CallInvitationRequest(
    string Uid,
    int Sequence,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string Description,
    string OrganizerEmail,
    string OrganizerName,
    IReadOnlyList<(string Email, string Name)> Attendees,
    DateTimeOffset Stamp,
    string? Location = null);
