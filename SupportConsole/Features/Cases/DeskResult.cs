namespace SupportConsole.Features.Cases;

/// <summary>What a desk action did, in words for the agent.</summary>
public sealed record DeskResult(bool Succeeded, string Message)
{
    public static DeskResult Ok(string message) => new(true, message);

    public static DeskResult Refused(string message) => new(false, message);
}
