namespace SupportConsole.Data;

/// <summary>A holiday on the shared tier calendar: a whole Central calendar date with a name.</summary>
public sealed class StoredHoliday
{
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";

    /// <summary>True when it came from the US federal holiday rules rather than a manager.</summary>
    public bool IsFederal { get; set; }
}
