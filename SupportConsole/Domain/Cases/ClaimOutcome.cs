namespace SupportConsole.Domain.Cases;

public enum ClaimOutcome
{
    Claimed,
    AlreadyYours,
    HeldByAnother,
    NotOpen,
}
