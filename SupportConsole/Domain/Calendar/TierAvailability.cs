namespace SupportConsole.Domain.Calendar;

/// <summary>
/// A tier's state at an instant as the availability API shows it: <see cref="ClosesAt"/> when open,
/// <see cref="OpensAt"/> (the next opening) when closed, the other null.
/// </summary>
public readonly record struct TierAvailability(bool Open, DateTimeOffset? ClosesAt, DateTimeOffset? OpensAt);
