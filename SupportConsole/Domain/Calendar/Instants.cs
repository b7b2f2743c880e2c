namespace SupportConsole.Domain.Calendar;

/// <summary>
/// The product's one precision for instants (whole seconds in UTC; the fraction is dropped, never rounded) and its one
/// conversion between a stored UTC <see cref="DateTime"/> and an instant.
/// </summary>
public static class Instants
{
    public static DateTimeOffset ToWholeSecond(this DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    /// <summary>A stored UTC time as an instant; a time of unspecified kind (as SQLite hands it back) is read as UTC.</summary>
    public static DateTimeOffset AsInstant(this DateTime utc) => new(utc.Kind switch
    {
        DateTimeKind.Utc => utc,
        DateTimeKind.Local => utc.ToUniversalTime(),
        _ => DateTime.SpecifyKind(utc, DateTimeKind.Utc),
    });

    public static DateTimeOffset? AsInstant(this DateTime? utc) => utc is { } v ? v.AsInstant() : null;
}
