using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SupportConsole.Features.Account;

/// <summary>
/// Per-client throttling of sign-in posts: a fixed window per client IP, so one client cannot guess passwords quickly,
/// while the account itself is never locked (a stranger could otherwise lock an agent out on purpose).
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static void AddSignInRateLimit(this IServiceCollection services, SignInLimits limits)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context =>
                !HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = limits.PermitLimit,
                            Window = limits.Window,
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
        });
        // Post-configured: the limiter has one rejection handler (the web form sets it); sign-in wraps it with its own page.
        services.PostConfigure<RateLimiterOptions>(limiter =>
        {
            var others = limiter.OnRejected;
            limiter.OnRejected = (rejected, cancellationToken) =>
                rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy
                    ? WriteTooManyAsync(rejected, limits, cancellationToken)
                    : others?.Invoke(rejected, cancellationToken) ?? ValueTask.CompletedTask;
        });
    }

    /// <summary>A friendly page (not a bare status) telling the person how long to wait, like the web form's.</summary>
    private static async ValueTask WriteTooManyAsync(OnRejectedContext rejected, SignInLimits limits, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.Window;
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
            <p class="auth-sub">There were many sign-in attempts from your network in a short time, so signing in is paused for you.</p>
            <div class="notice info" role="alert">Please wait {{waitText}} and try again.</div>
            <p><a href="/account/login">Back to sign-in</a></p>
            </main>
            </div>
            </body>
            </html>
            """, cancellationToken);
    }
}
