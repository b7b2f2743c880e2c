namespace SupportConsole.Features.PlanTerm;

public enum PlanTermState
{
    /// <summary>Free Support by plan: no term to track.</summary>
    NotProPlus,
    NotStarted,
    Active,
    EndingSoon,
    Ended,
    Renewed,
}
