namespace SupportConsole.Domain.Intake;

/// <summary>
/// Keeps the desk out of mail loops: no acknowledgment to auto-replies, bounces, bulk or list mail, or our own
/// messages coming back. Reads only headers and the sender; every sign found is reported, in this order.
/// </summary>
public static class AutomatedMailClassifier
{
    private static readonly string[] BulkPrecedence = ["bulk", "junk", "list"];
    private static readonly string[] DeliveryLocalParts = ["mailer-daemon", "postmaster"];

    /// <param name="fromAddress">The From address as received, display name allowed; may be missing.</param>
    /// <param name="headers">Header names to values; names are looked up ignoring case whatever the dictionary's comparer.</param>
    /// <param name="isOurMessageId">Asked with the Message-ID without angle brackets (as MimeKit gives it).</param>
    public static AutomatedMailVerdict Classify(string? fromAddress, IReadOnlyDictionary<string, string> headers, Func<string, bool> isOurMessageId)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(isOurMessageId);

        var reasons = new List<AutomatedMailReason>();
        var explanations = new List<string>();
        void Found(AutomatedMailReason reason, string explanation)
        {
            if (!reasons.Contains(reason))
                reasons.Add(reason);
            explanations.Add(explanation);
        }

        var messageId = Header(headers, "Message-ID")?.Trim().Trim('<', '>').Trim();
        if (!string.IsNullOrEmpty(messageId) && isOurMessageId(messageId))
            Found(AutomatedMailReason.OwnMessage, $"Message-ID <{messageId}> is one we sent");

        var senderLocal = SenderLocalPart(fromAddress);
        if (senderLocal is not null && DeliveryLocalParts.Contains(senderLocal))
            Found(AutomatedMailReason.DeliveryNotification, $"sent by {senderLocal}, a delivery notification");
        var contentType = Header(headers, "Content-Type");
        if (contentType is not null && FirstToken(contentType) == "multipart/report")
            Found(AutomatedMailReason.DeliveryNotification, "Content-Type multipart/report, a delivery or read report");
        if (Header(headers, "Return-Path")?.Trim() == "<>")
            Found(AutomatedMailReason.DeliveryNotification, "an empty Return-Path, as bounces have");

        var autoSubmitted = Header(headers, "Auto-Submitted");
        if (autoSubmitted is not null && FirstToken(autoSubmitted) != "no")
            Found(AutomatedMailReason.AutoSubmitted, $"Auto-Submitted: {autoSubmitted.Trim()}");
        foreach (var name in (string[])["X-Autoreply", "X-Autorespond"])
        {
            if (Header(headers, name) is not null)
                Found(AutomatedMailReason.AutoSubmitted, $"an {name} header");
        }

        var suppress = Header(headers, "X-Auto-Response-Suppress");
        if (suppress is not null)
            Found(AutomatedMailReason.AutoResponseSuppress, $"X-Auto-Response-Suppress: {suppress.Trim()} asks for no automatic replies");

        var precedence = Header(headers, "Precedence");
        if (precedence is not null && BulkPrecedence.Contains(FirstToken(precedence)))
            Found(AutomatedMailReason.Bulk, $"Precedence: {FirstToken(precedence)}");

        foreach (var name in (string[])["List-Id", "List-Unsubscribe"])
        {
            if (Header(headers, name) is not null)
                Found(AutomatedMailReason.ListMail, $"a {name} header, so mailing-list mail");
        }

        return reasons.Count == 0
            ? AutomatedMailVerdict.Acknowledge
            : new AutomatedMailVerdict(false, reasons, "no acknowledgment: " + string.Join("; ", explanations));
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name)
    {
        if (headers.TryGetValue(name, out var value))
            return value ?? "";
        foreach (var (key, candidate) in headers)
        {
            if (string.Equals(key?.Trim(), name, StringComparison.OrdinalIgnoreCase))
                return candidate ?? "";
        }

        return null;
    }

    /// <summary>The value before any parameters, lower-case: "Auto-Replied; owner=x" gives "auto-replied".</summary>
    private static string FirstToken(string value)
    {
        var semicolon = value.IndexOf(';');
        return (semicolon < 0 ? value : value[..semicolon]).Trim().ToLowerInvariant();
    }

    private static string? SenderLocalPart(string? fromAddress)
    {
        if (string.IsNullOrWhiteSpace(fromAddress))
            return null;
        if (EmailAddress.TryParse(fromAddress, out var address, out _))
            return address.LocalPart;

        // A bounce sender may be malformed ("MAILER-DAEMON" with no domain); still recognise it.
        var text = fromAddress.Trim();
        var open = text.LastIndexOf('<');
        if (open >= 0)
            text = text[(open + 1)..].TrimEnd('>', ' ');
        var at = text.IndexOf('@');
        return (at < 0 ? text : text[..at]).Trim().ToLowerInvariant();
    }
}
