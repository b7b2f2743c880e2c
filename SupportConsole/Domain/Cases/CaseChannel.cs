namespace SupportConsole.Domain.Cases;

/// <summary>How a case reached the desk.</summary>
public enum CaseChannel
{
    Email = 0,
    Web = 1,
    Phone = 2,
    Api = 3,
}
