using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SupportConsole.Features.Intake.WebForm;

public static class WebFormHosting
{
    /// <summary>The rate-limiting policy on the public form: a fixed window per client IP, counting POSTs only.</summary>
    public const string RateLimitPolicy = "web-form";

    public static void AddWebForm(this WebApplicationBuilder builder)
    {
        var options = WebFormOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<WebFormSubmission>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context =>
                !HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.PermitLimit,
                            Window = TimeSpan.FromSeconds(options.WindowSeconds),
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
            limiter.OnRejected = (rejected, cancellationToken) => WriteTooManyAsync(rejected, options, cancellationToken);
        });
    }

    /// <summary>A friendly page (not a bare status) telling a person how long to wait, or where to write instead.</summary>
    private static async ValueTask WriteTooManyAsync(OnRejectedContext rejected, WebFormOptions options, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : TimeSpan.FromSeconds(options.WindowSeconds);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        var address = WebUtility.HtmlEncode(options.SupportAddress);
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
            <p class="auth-sub">We received several requests from your network in a short time, so this form is paused for you.</p>
            <div class="notice info" role="alert">Please wait {{waitText}} and send the form again, or email <a href="mailto:{{address}}">{{address}}</a>: an email opens a case just the same.</div>
            <p><a href="/submit">Back to the form</a></p>
            </main>
            </div>
            </body>
            </html>
            """, cancellationToken);
    }
}
