namespace SupportConsole.Domain.Calls;

/// <summary>
/// A call already on an engineer's calendar, half-open <c>[Start, End)</c>. Only live calls belong in the list a
/// caller passes (not cancelled ones, and not the call being moved when rescheduling). A call whose end is not
/// after its start blocks nothing.
/// </summary>
public sealed record BookedCall(DateTimeOffset Start, DateTimeOffset End);
