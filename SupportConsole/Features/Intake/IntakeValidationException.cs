namespace SupportConsole.Features.Intake;

public sealed class IntakeValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The case is not valid: " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
