namespace SupportConsole.Domain.Intake;

/// <summary>What a trusted receiving server said about a mail's From domain (see <see cref="MailAuthentication"/>).</summary>
public enum SenderAuthenticationStatus
{
    /// <summary>No Authentication-Results from a server the desk trusts: nothing is known either way.</summary>
    Unchecked,

    /// <summary>DMARC passed, or SPF or DKIM passed for a domain aligned with the From.</summary>
    Pass,

    /// <summary>A trusted server checked the mail and nothing passed for the From's domain.</summary>
    Fail,
}
