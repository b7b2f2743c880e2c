namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>
/// Sender authentication (<c>Email:Authentication:*</c>). <c>TrustedServIds</c> names the desk's own receiving servers
/// by the authserv-id they write into <c>Authentication-Results</c> (comma-separated or an array); headers from any other
/// id are ignored, because a sender can write them. With <c>RequirePass</c>, a listed sender gets the priority queue only
/// when a trusted server reports DMARC pass (or SPF/DKIM pass aligned with the From domain); without it, only an
/// explicit DMARC failure withholds priority.
/// </summary>
public sealed class MailAuthenticationOptions
{
    public IReadOnlyList<string> TrustedServIds { get; set; } = [];
    public bool RequirePass { get; set; }

    public static MailAuthenticationOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Email:Authentication");
        var ids = section.GetSection("TrustedServIds").Get<string[]>() is { Length: > 0 } array
            ? array
            : (section["TrustedServIds"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new MailAuthenticationOptions
        {
            TrustedServIds = [.. ids.Where(id => id.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            RequirePass = section.GetValue("RequirePass", false),
        };
    }
}
