using SupportConsole.Domain.Cases;

namespace SupportConsole.Data;

/// <summary>
/// A canned reply: a name, a body with placeholders (<see cref="MacroTemplate"/>), and optionally the status and
/// severity the case takes when the reply is sent. Shared macros (no owner) are kept by managers; personal ones by
/// their owner alone.
/// </summary>
public sealed class Macro
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>The agent whose own macro this is; null for a shared macro.</summary>
    public string? OwnerUserId { get; set; }

    public CaseStatus? SetStatus { get; set; }
    public CaseSeverity? SetSeverity { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";

    public bool IsShared => OwnerUserId is null;
}
