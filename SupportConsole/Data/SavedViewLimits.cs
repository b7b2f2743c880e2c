namespace SupportConsole.Data;

/// <summary>How long a saved view's name and stored search may be.</summary>
public static class SavedViewLimits
{
    public const int NameLength = 60;
    public const int QueryLength = 1000;
}
