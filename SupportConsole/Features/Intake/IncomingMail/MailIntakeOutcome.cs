namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>What happened to one message; <see cref="CaseNumber"/> is set for every result with a case.</summary>
public sealed record MailIntakeOutcome(MailIntakeResult Result, long? CaseNumber = null, long? QuarantineId = null, string? Reason = null)
{
    public string CaseTag => CaseNumber is { } number ? Domain.Intake.CaseNumber.Format(number) : "";
}
