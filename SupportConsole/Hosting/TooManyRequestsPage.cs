using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;
using System.Threading.RateLimiting;

namespace SupportConsole.Hosting;

/// <summary>
/// The friendly 429 page every rate limit answers with (not a bare status): how long to wait, in words, with
/// <c>Retry-After</c>, and where to go back to. The texts are the caller's, already HTML-safe.
/// </summary>
public static class TooManyRequestsPage
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, TimeSpan defaultWait, string explanationHtml, Func<string, string> noticeHtml,
        string backHref, string backText, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : defaultWait;
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var waitText = minutes == 1 ? "1 minute" : $"{minutes} minutes";
        await NoticePage.WriteAsync(response, "Please wait a moment", "rate-limited", explanationHtml, noticeHtml(waitText), backHref, backText, cancellationToken);
    }
}
