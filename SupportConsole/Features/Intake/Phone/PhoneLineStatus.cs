namespace SupportConsole.Features.Intake.Phone;

/// <summary>Whether Tier 1 takes calls now, and if not, what to tell the agent.</summary>
public sealed record PhoneLineStatus(bool IsOpen, string? ClosedMessage);
