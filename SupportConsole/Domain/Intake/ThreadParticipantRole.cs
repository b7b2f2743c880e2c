namespace SupportConsole.Domain.Intake;

/// <summary>Why a sender may (or may not) add mail to an existing case's thread; see <see cref="ThreadParticipants"/>.</summary>
public enum ThreadParticipantRole
{
    /// <summary>Not a participant: quoting the case number is not enough to join the thread.</summary>
    Stranger = 0,

    /// <summary>The address that opened the case.</summary>
    Requester = 1,

    /// <summary>An address or domain on the origination list of the case's customer.</summary>
    CustomerListed = 2,

    /// <summary>An agent of the desk (an account's email).</summary>
    Agent = 3,
}
