using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Intake.WebForm;

/// <summary>How a form post ended: a case (new or the replay of the same form), field errors, or a trapped bot.</summary>
public sealed record WebFormOutcome(SupportCase? Case, IReadOnlyDictionary<string, string[]> Errors, bool Trapped)
{
    public bool Succeeded => Trapped || (Case is not null && Errors.Count == 0);
}
