using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Cases;

/// <summary>Something that happened to a case, published after it was committed.</summary>
public sealed record CaseChange(long CaseId, long Number, CaseChangeKind Kind, CaseQueue Queue, DateTimeOffset At, string? Actor = null)
{
    /// <summary>One change that concerns every open case (listeners read them all again rather than one by one).</summary>
    public static CaseChange ForAllCases(CaseChangeKind kind, DateTimeOffset at) => new(0, 0, kind, default, at);

    public bool IsForAllCases => CaseId == 0;
}
