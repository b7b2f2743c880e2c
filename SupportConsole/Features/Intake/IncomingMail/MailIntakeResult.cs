namespace SupportConsole.Features.Intake.IncomingMail;

public enum MailIntakeResult
{
    /// <summary>A new case was committed.</summary>
    CaseCreated,

    /// <summary>The same mail (Message-ID, sender and text) already opened a case or is already in its thread: nothing new was stored.</summary>
    Duplicate,

    /// <summary>The message was added to an existing case's thread.</summary>
    AddedToCase,

    /// <summary>The message could not become a case; it is kept whole in the quarantine.</summary>
    Quarantined,

    /// <summary>Over <see cref="IncomingMailOptions.MaxMessageBytes"/>: refused, nothing stored.</summary>
    TooLarge,
}
