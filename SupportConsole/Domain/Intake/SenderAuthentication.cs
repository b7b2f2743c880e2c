namespace SupportConsole.Domain.Intake;

/// <summary>
/// The verdict on a mail's From domain, with the words agents see ("dmarc=pass by mx.vendor.example",
/// "dmarc=fail by mx.vendor.example"). <see cref="ExplicitDmarcFail"/> is the one verdict trusted even when passing is
/// not required: the From domain's own DMARC policy says the mail is not theirs.
/// </summary>
public sealed record SenderAuthentication(SenderAuthenticationStatus Status, string Summary, bool ExplicitDmarcFail = false)
{
    public bool Passed => Status == SenderAuthenticationStatus.Pass;

    /// <summary>Why the From may not be trusted for priority, or null when it may. With <paramref name="requirePass"/>
    /// only a pass counts; without it, only an explicit DMARC failure withholds priority.</summary>
    public string? PriorityDoubt(bool requirePass) =>
        Passed ? null
        : requirePass || ExplicitDmarcFail ? Summary
        : null;
}
