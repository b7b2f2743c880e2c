namespace SupportConsole.Data;

/// <summary>A year whose federal holidays were seeded once; a manager's later removals are then respected.</summary>
public sealed class HolidaySeedYear
{
    public int Year { get; set; }
}
