namespace SupportConsole.Data;

/// <summary>The last run of a recurring job, for the jobs overview (last reconciliation, what it repaired).</summary>
public sealed class JobRunRecord
{
    public string Name { get; set; } = "";
    public DateTime? LastStartedAtUtc { get; set; }
    public DateTime? LastFinishedAtUtc { get; set; }
    public string LastResult { get; set; } = "";
}
