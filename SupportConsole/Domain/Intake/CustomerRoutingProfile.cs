using SupportConsole.Domain.Plans;

namespace SupportConsole.Domain.Intake;

/// <summary>
/// What routing needs to know about one customer. The term runs from <see cref="TermStart"/> to
/// <see cref="TermEnd"/>, both days included: mail arriving on either day (in Central time) is within the term.
/// </summary>
public sealed record CustomerRoutingProfile(
    long CustomerId,
    string CustomerName,
    SupportPlan Plan,
    DateOnly TermStart,
    DateOnly TermEnd,
    OriginationList List)
{
    /// <summary>True when <paramref name="date"/> lies within the term, both ends included.</summary>
    public bool TermIncludes(DateOnly date) => new TermDates(TermStart, TermEnd).Includes(date);
}
