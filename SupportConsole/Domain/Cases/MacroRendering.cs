namespace SupportConsole.Domain.Cases;

/// <summary>A macro's body with its placeholders filled, and the placeholders that could not be (left in the text as typed).</summary>
public sealed record MacroRendering(string Text, IReadOnlyList<string> Unresolved)
{
    public bool IsComplete => Unresolved.Count == 0;
}
