namespace SupportConsole.Features.Calls;

/// <summary>
/// What an invitation asks of the recipient's calendar (RFC 5546 iTIP): the same UID with <see cref="Request"/> adds
/// or moves the call, with <see cref="Cancel"/> removes it, so the one event in every calendar follows the call.
/// </summary>
public enum CalendarMethod
{
    /// <summary>Add the call, or update it when a calendar already holds its UID at a lower SEQUENCE.</summary>
    Request,

    /// <summary>Remove the call the UID names; the SEQUENCE must be above the last REQUEST's to be honoured.</summary>
    Cancel,
}
