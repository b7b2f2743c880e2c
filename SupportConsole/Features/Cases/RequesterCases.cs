namespace SupportConsole.Features.Cases;

/// <summary>The requester's other cases: how many in all and open, and the first few (open first, then newest).</summary>
public sealed record RequesterCases(int Total, int Open, IReadOnlyList<RequesterCase> Shown)
{
    public static RequesterCases None { get; } = new(0, 0, []);
}
