namespace SupportConsole.Domain.Cases;

/// <summary>The two live queues Tier 1 works, each in arrival order.</summary>
public enum CaseQueue
{
    Standard = 0,
    Priority = 1,
}
