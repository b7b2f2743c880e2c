using SupportConsole.Domain.Cases;

namespace SupportConsole.Domain.Intake;

/// <summary>
/// Signs that a mail's From may not be its real author. The desk does not verify SPF, DKIM or DMARC, so a From on a
/// Pro Plus customer's domain proves nothing by itself; when the message itself contradicts its From, the case must
/// not get the priority queue on that From's word. The signs are shown to agents, never used to refuse mail.
/// </summary>
public static class SenderAuthenticity
{
    public const string ReasonPrefix = "sender not authenticated: ";

    /// <param name="fromMailboxes">Every address in the From header, as given (display names allowed).</param>
    /// <param name="senderHeader">The Sender header's address, if any.</param>
    /// <param name="envelopeFrom">The SMTP MAIL FROM; null or empty for bounces and for mail read from a mailbox.</param>
    /// <returns>What contradicts the From, in words for the agent, or null when nothing does.</returns>
    public static string? Doubt(IReadOnlyList<string> fromMailboxes, string? senderHeader, string? envelopeFrom)
    {
        ArgumentNullException.ThrowIfNull(fromMailboxes);
        if (fromMailboxes.Count > 1)
        {
            return $"the From names {fromMailboxes.Count} mailboxes ({string.Join(", ", fromMailboxes)})";
        }
        if (fromMailboxes.Count == 0 || !EmailAddress.TryParse(fromMailboxes[0], out var from, out _))
        {
            return null;
        }
        if (!string.IsNullOrWhiteSpace(senderHeader))
        {
            if (!EmailAddress.TryParse(senderHeader, out var sender, out _) || sender != from)
            {
                return $"Sender {senderHeader.Trim()} differs from From {from.Value}";
            }
        }
        if (EmailAddress.TryParse(envelopeFrom, out var envelope, out _) && !SameOrganization(envelope.Domain, from.Domain))
        {
            return $"envelope {envelope.Value} differs from From {from.Value}";
        }
        return null;
    }

    /// <summary>
    /// The routing decision for a mail with a doubtful sender: always the standard queue, with the doubt first in the
    /// reason. The customer the From matched stays on the case, so agents see whom the mail claims to come from.
    /// </summary>
    public static RoutingDecision Downgrade(RoutingDecision decision, string doubt)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision with { Queue = CaseQueue.Standard, Reason = $"{ReasonPrefix}{doubt}; {decision.Reason}" };
    }

    /// <summary>A bounce domain is often a subdomain of the From's (bounces.acme.example for acme.example), or the reverse.</summary>
    private static bool SameOrganization(string envelopeDomain, string fromDomain) =>
        envelopeDomain == fromDomain
        || MailDomain.IsSubdomainOf(envelopeDomain, fromDomain)
        || MailDomain.IsSubdomainOf(fromDomain, envelopeDomain);
}
