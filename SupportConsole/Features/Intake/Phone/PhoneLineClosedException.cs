namespace SupportConsole.Features.Intake.Phone;

/// <summary>Refused because Tier 1's phone line is closed now; the message says when it opens.</summary>
public sealed class PhoneLineClosedException(string message) : Exception(message);
