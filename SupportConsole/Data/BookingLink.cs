namespace SupportConsole.Data;

/// <summary>
/// A link mailed to a customer to pick a call slot (<c>/book/{token}</c>). The token in the mail is this id signed
/// and time-limited by ASP.NET Data Protection; the row says what may be booked and, once booked, which call it manages.
/// </summary>
public sealed class BookingLink
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public string EngineerId { get; set; } = "";
    public int DurationMinutes { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public long? CallId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
