namespace SupportConsole.Data;

/// <summary>A desk-wide setting managers change in the app (for example the take-next severity exception), stored as text.</summary>
public sealed class DeskSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
}
