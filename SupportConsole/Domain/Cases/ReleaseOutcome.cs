namespace SupportConsole.Domain.Cases;

public enum ReleaseOutcome
{
    Released,
    NobodyHolds,
    NotYours,
}
