namespace SupportConsole.Data;

/// <summary>Named counters advanced inside the writing transaction (SQLite serializes writers).</summary>
public sealed class SequenceCounter
{
    public string Name { get; set; } = "";
    public long Value { get; set; }
}
