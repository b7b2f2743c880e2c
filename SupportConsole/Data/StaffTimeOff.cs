namespace SupportConsole.Data;

/// <summary>A stretch an engineer is away, half-open [From, To), with the reason managers gave.</summary>
public sealed class StaffTimeOff
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTime FromUtc { get; set; }
    public DateTime ToUtc { get; set; }
    public string Reason { get; set; } = "";
}
