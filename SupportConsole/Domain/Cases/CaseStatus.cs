namespace SupportConsole.Domain.Cases;

/// <summary>Where a case stands in its life.</summary>
public enum CaseStatus
{
    Open = 0,
    WaitingOnCustomer = 1,
    Resolved = 2,
    Closed = 3,
}
