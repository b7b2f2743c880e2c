namespace SupportConsole.Domain.Cases;

/// <summary>How badly the customer is hurt; the number is what customers and the API use (1 is worst).</summary>
public enum CaseSeverity
{
    Critical = 1,
    High = 2,
    Normal = 3,
    Question = 4,
}
