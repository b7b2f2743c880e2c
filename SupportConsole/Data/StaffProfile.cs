namespace SupportConsole.Data;

/// <summary>
/// What the Tier 2-3 desk knows of a person beyond their account: the hours they work, how many open escalations they
/// take, and when they were last given one. Tier membership is the account's roles.
/// </summary>
public sealed class StaffProfile
{
    public const int DefaultCapacity = 8;

    public string UserId { get; set; } = "";

    /// <summary>Open escalations at which the engineer takes no more.</summary>
    public int Capacity { get; set; } = DefaultCapacity;

    /// <summary>Weekly hours as the API writes them (<c>{"mon":["09:00","17:00"],...}</c>); empty means the whole Tier 2-3 window.</summary>
    public string HoursJson { get; set; } = "";

    public DateTime? LastAssignedAtUtc { get; set; }

    /// <summary>Raised by every booking of this engineer's calls: bookings of one engineer settle one at a time in the database.</summary>
    public long BookingVersion { get; set; }

    public List<StaffTimeOff> TimeOff { get; set; } = [];
}
