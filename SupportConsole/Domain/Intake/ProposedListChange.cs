namespace SupportConsole.Domain.Intake;

/// <summary>
/// What a change request asks for, as read from its text, for the agent to check before approving:
/// entries to add, entries to remove, and the lines that mention addresses or domains but could not be read
/// with confidence (negations, replacements, bad addresses, no add/remove word), shown as written.
/// </summary>
public sealed record ProposedListChange(
    IReadOnlyList<OriginationEntry> Additions,
    IReadOnlyList<OriginationEntry> Removals,
    IReadOnlyList<string> UnrecognizedLines)
{
    public static ProposedListChange None { get; } = new([], [], []);

    /// <summary>True when there is nothing to add or remove.</summary>
    public bool IsEmpty => Additions.Count == 0 && Removals.Count == 0;
}
