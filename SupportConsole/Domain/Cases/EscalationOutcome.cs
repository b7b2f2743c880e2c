namespace SupportConsole.Domain.Cases;

public enum EscalationOutcome
{
    Escalated,
    NotAnEscalationTier,
    NotOpen,
    AlreadyThere,
}
