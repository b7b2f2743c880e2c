namespace SupportConsole.Data;

/// <summary>
/// Something that reached the desk but could not become a case (unparseable MIME, no usable sender...). It is
/// kept whole for a manager to look at, never dropped silently.
/// </summary>
public sealed class QuarantinedMessage
{
    public long Id { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public string Channel { get; set; } = "email";
    public string Envelope { get; set; } = "";
    public string Reason { get; set; } = "";
    public byte[] Raw { get; set; } = [];
    public bool Reviewed { get; set; }
}
