namespace SupportConsole.Domain.Plans;

/// <summary>The support plan a customer is on. Pro Plus buys the priority queue and a first-response commitment.</summary>
public enum SupportPlan
{
    FreeSupport = 0,
    ProPlus = 1,
}
