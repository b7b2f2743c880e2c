namespace SupportConsole.Domain.Cases;

public enum FirstResponseOutcome
{
    NotFirst,
    FirstMet,
    FirstLate,
    FirstWithoutCommitment,
}
