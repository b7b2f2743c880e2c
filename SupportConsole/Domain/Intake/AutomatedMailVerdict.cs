namespace SupportConsole.Domain.Intake;

/// <summary>
/// Whether to send the acknowledgment for an arriving message. It decides only the automatic reply: the case is
/// still created or threaded. <see cref="Explanation"/> is the sentence logged and shown on the case.
/// </summary>
public sealed record AutomatedMailVerdict(bool ShouldAcknowledge, IReadOnlyList<AutomatedMailReason> Reasons, string Explanation)
{
    public static AutomatedMailVerdict Acknowledge { get; } = new(true, [], "no sign of automated mail: acknowledge");
}
