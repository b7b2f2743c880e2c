namespace SupportConsole.Data;

public enum SlaEventKind
{
    AtRisk = 0,
    Breached = 1,
}
