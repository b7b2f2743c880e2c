namespace SupportConsole.Features.Macros;

/// <summary>What a macro change did, in words for the agent, with the saved macro's id.</summary>
public sealed record MacroResult(bool Succeeded, string Message, long? MacroId = null)
{
    public static MacroResult Refused(string message) => new(false, message);
}
