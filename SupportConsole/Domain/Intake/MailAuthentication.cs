namespace SupportConsole.Domain.Intake;

/// <summary>
/// Reads <c>Authentication-Results</c> headers (RFC 8601) as the desk's own receiving servers wrote them. A header is
/// believed only when its authserv-id is one of the trusted ids (any other could have been written by the sender), and
/// only the topmost trusted one counts (it was added last, by the server that handed the mail to us). The From domain
/// passes with DMARC pass for that domain, or with SPF or DKIM pass for a domain aligned with it (the same domain or one
/// a subdomain of the other, as DMARC's relaxed alignment allows).
/// </summary>
public static class MailAuthentication
{
    private static readonly SenderAuthentication NoTrustedIds =
        new(SenderAuthenticationStatus.Unchecked, "no receiving server is trusted to authenticate senders (Email:Authentication:TrustedServIds is empty)");

    private static readonly SenderAuthentication NoTrustedHeader =
        new(SenderAuthenticationStatus.Unchecked, "no Authentication-Results from a trusted receiving server");

    /// <param name="reports">Every Authentication-Results header that could be read, topmost first.</param>
    /// <param name="trustedServIds">The authserv-ids of the desk's own receiving servers.</param>
    /// <param name="fromDomain">The domain of the From address the mail claims.</param>
    public static SenderAuthentication Evaluate(IEnumerable<AuthenticationReport> reports, IReadOnlyCollection<string> trustedServIds, string fromDomain)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(trustedServIds);
        if (trustedServIds.Count == 0)
        {
            return NoTrustedIds;
        }
        foreach (var report in reports)
        {
            var servId = report.ServId.Trim();
            if (trustedServIds.Any(id => string.Equals(id.Trim(), servId, StringComparison.OrdinalIgnoreCase)))
            {
                return Judge(report.Methods, servId, Norm(fromDomain));
            }
        }
        return NoTrustedHeader;
    }

    private static SenderAuthentication Judge(IReadOnlyList<AuthenticationMethodResult> methods, string servId, string fromDomain)
    {
        var dmarc = methods.Where(m => Is(m, "dmarc") && ForDomain(m, "header", "from", fromDomain) != false).ToList();
        if (dmarc.FirstOrDefault(m => Is(m.Result, "pass")) is not null)
        {
            return new(SenderAuthenticationStatus.Pass, $"dmarc=pass by {servId}");
        }
        var dkim = methods.FirstOrDefault(m => Is(m, "dkim") && Is(m.Result, "pass") && (Aligned(Property(m, "header", "d"), fromDomain) || Aligned(DomainOf(Property(m, "header", "i")), fromDomain)));
        if (dkim is not null)
        {
            return new(SenderAuthenticationStatus.Pass, $"dkim=pass (d={Property(dkim, "header", "d") ?? DomainOf(Property(dkim, "header", "i"))}) by {servId}");
        }
        var spf = methods.FirstOrDefault(m => Is(m, "spf") && Is(m.Result, "pass") && Aligned(DomainOf(Property(m, "smtp", "mailfrom")), fromDomain));
        if (spf is not null)
        {
            return new(SenderAuthenticationStatus.Pass, $"spf=pass (smtp.mailfrom={Property(spf, "smtp", "mailfrom")}) by {servId}");
        }
        var seen = methods.Where(m => Is(m, "dmarc") || Is(m, "spf") || Is(m, "dkim"))
            .Select(m => $"{m.Method.ToLowerInvariant()}={(m.Result.Length == 0 ? "none" : m.Result.ToLowerInvariant())}")
            .Distinct()
            .ToList();
        var explicitFail = dmarc.Any(m => Is(m.Result, "fail"));
        var summary = seen.Count == 0
            ? $"{servId} reported no DMARC, SPF or DKIM result"
            : $"{string.Join(", ", seen)} by {servId}{(explicitFail ? "" : $", none passing for {fromDomain}")}";
        return new(SenderAuthenticationStatus.Fail, summary, explicitFail);
    }

    private static bool Is(AuthenticationMethodResult method, string name) => Is(method.Method, name);

    private static bool Is(string? value, string expected) => string.Equals(value?.Trim(), expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the method names a property for the domain; null when it names none.</summary>
    private static bool? ForDomain(AuthenticationMethodResult method, string type, string property, string domain) =>
        Property(method, type, property) is { } value ? string.Equals(Norm(DomainOf(value) ?? value), domain, StringComparison.Ordinal) : null;

    private static string? Property(AuthenticationMethodResult method, string type, string property) =>
        method.Properties.TryGetValue($"{type}.{property}", out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The domain of "user@domain" or "@domain", or the value itself when it is a bare domain.</summary>
    private static string? DomainOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var at = value.LastIndexOf('@');
        return at >= 0 ? value[(at + 1)..] : value;
    }

    private static string Norm(string domain) =>
        MailDomain.TryNormalize(domain, out var normalized, out _) ? normalized : domain.Trim().TrimEnd('.').ToLowerInvariant();

    private static bool Aligned(string? domain, string fromDomain)
    {
        if (string.IsNullOrWhiteSpace(domain))
        {
            return false;
        }
        var normalized = Norm(domain);
        return normalized == fromDomain || MailDomain.IsSubdomainOf(normalized, fromDomain) || MailDomain.IsSubdomainOf(fromDomain, normalized);
    }
}
