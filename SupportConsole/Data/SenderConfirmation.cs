namespace SupportConsole.Data;

/// <summary>
/// A link mailed to an address so its owner can prove a request is theirs (<c>/confirm/{token}</c>). The token in the
/// mail is this id signed with ASP.NET Data Protection; only the mailbox it was sent to can know it.
/// </summary>
public sealed class SenderConfirmation
{
    public long Id { get; set; }
    public SenderConfirmationKind Kind { get; set; }
    public long CaseId { get; set; }

    /// <summary>The list change request it confirms (<see cref="SenderConfirmationKind.ListChange"/> only).</summary>
    public long? ListChangeRequestId { get; set; }

    /// <summary>The address the link was mailed to: the web form's sender, or the primary contact on file.</summary>
    public string Address { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
}
