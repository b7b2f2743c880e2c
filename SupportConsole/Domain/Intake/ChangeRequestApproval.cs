namespace SupportConsole.Domain.Intake;

/// <summary>Whether a change request may be approved, and if not, the sentence the console shows.</summary>
public sealed record ChangeRequestApproval(bool Allowed, string? Reason)
{
    public static ChangeRequestApproval Allow { get; } = new(true, null);

    public static ChangeRequestApproval Refuse(string reason) => new(false, reason);
}
