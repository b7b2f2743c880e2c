namespace SupportConsole.Domain.Staffing;

/// <summary>
/// A stretch an engineer is away, half-open <c>[From, To)</c> like every window, so leave ending at 13:00 makes
/// 13:00 itself workable. Instants, not dates: a half day off or leave that starts mid-afternoon is just a range.
/// A range with <see cref="To"/> not after <see cref="From"/> takes nothing away.
/// </summary>
public sealed record TimeOff(DateTimeOffset From, DateTimeOffset To, string Reason);
