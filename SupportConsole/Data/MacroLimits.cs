namespace SupportConsole.Data;

/// <summary>How long a macro's name and body may be (a body fills a reply, which has at most 20,000 characters).</summary>
public static class MacroLimits
{
    public const int NameLength = 80;
    public const int BodyLength = 10_000;
}
