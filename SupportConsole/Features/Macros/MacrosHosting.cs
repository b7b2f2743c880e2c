namespace SupportConsole.Features.Macros;

public static class MacrosHosting
{
    /// <summary>The macro book behind the /macros page and the case page's picker.</summary>
    public static void AddMacros(this IServiceCollection services) => services.AddSingleton<MacroBook>();
}
