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
        response.ContentType = "text/html; charset=utf-8";
        var waitText = minutes == 1 ? "1 minute" : $"{minutes} minutes";
        await response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Please wait a moment · SupportConsole</title>
            <link rel="stylesheet" href="/app.css" />
            </head>
            <body>
            <div class="auth-shell">
            <main class="auth-card" id="rate-limited">
            <div class="auth-brand"><h1>Please wait a moment</h1></div>
            <p class="auth-sub">{{explanationHtml}}</p>
            <div class="notice info" role="alert">{{noticeHtml(waitText)}}</div>
            <p><a href="{{backHref}}">{{backText}}</a></p>
            </main>
            </div>
            </body>
            </html>
            """, cancellationToken);
    }
}
