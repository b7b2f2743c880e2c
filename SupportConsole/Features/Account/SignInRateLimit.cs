using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SupportConsole.Hosting;

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

    /// <summary>The shared friendly 429 page, in sign-in's words.</summary>
    private static ValueTask WriteTooManyAsync(OnRejectedContext rejected, SignInLimits limits, CancellationToken cancellationToken) =>
        TooManyRequestsPage.WriteAsync(rejected, limits.Window,
            "There were many sign-in attempts from your network in a short time, so signing in is paused for you.",
            wait => $"Please wait {wait} and try again.", "/account/login", "Back to sign-in", cancellationToken);
}
