namespace SupportConsole.Features.Calls;

/// <summary>
/// What a booking did: the call, or why not in words; when the slot was taken meanwhile, <see cref="SlotTaken"/> is
/// true so the page can offer fresh slots.
/// </summary>
public sealed record CallBookingResult(CallView? Call, string Message, bool SlotTaken = false)
{
    public bool Succeeded => Call is not null;
}
